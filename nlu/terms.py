"""Builds the gazetteer's terms from catalog names, aliases and category words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from nlu.lexicon import CatalogLexicon, PlaceEntry
from nlu.normalize import normalize
from nlu.tokens import tokenize

PRODUCT, CATEGORY, LOCATION = "product", "category", "location"
PRIORITY = {PRODUCT: 0, CATEGORY: 1, LOCATION: 2}
# First words too vague to stand for the products they start ("nước", "ngọc"…).
_VAGUE = {"nuoc", "ngoc", "tinh", "dong", "hai", "cha", "na", "ha", "ga", "oi", "dau", "the",
          "thanh", "banh", "cu", "hoa", "tom", "ca", "la", "du", "mat"}  # fmt: skip
# English words people use for the same thing as a word in a catalog name.
EN_SYNONYMS = {"liqueur": "liquor", "wine": "liquor", "sea worm": "peanut worm",
               "sea worms": "peanut worm", "seaworm": "peanut worm", "peanut worms": "peanut worm",
               "prawn": "shrimp", "prawns": "shrimp"}  # fmt: skip
_SITE_PREFIXES = [
    "khu du lịch quốc gia", "khu di tích", "danh thắng", "khu du lịch", "thiên đường hoa",
    "đảo", "vịnh", "làng", "thác", "vườn", "vùng", "lễ hội", "hội",
]  # fmt: skip
_SITE_ENGLISH = {"vịnh": "bay", "đảo": "island"}


@dataclass(frozen=True, slots=True)
class Term:
    """A phrase the gazetteer recognises, with the entity values it stands for."""

    entity: str
    values: tuple[str, ...]
    norm: tuple[str, ...]


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Returns the (folded, normalised) word tokens of a name."""
    tokens = [token for token in tokenize(normalize(text)) if token.is_word or token.is_number]
    return tuple(token.fold for token in tokens), tuple(token.norm for token in tokens)


def _clean(name: str) -> str:
    """Drops parenthetical remarks: "Miến dong (HTX Húc Động)" -> "Miến dong"."""
    return re.sub(r"\([^)]*\)", " ", name).strip()


class TermIndex:
    """Maps folded word tuples to terms; product names outrank categories and places."""

    def __init__(self) -> None:
        self.terms: dict[tuple[str, ...], Term] = {}

    def add(self, entity: str, value: str, name: str, merge: bool = True) -> None:
        """Adds one name for one value; products sharing a name are merged."""
        key, norm = words(name)
        if not key:
            return
        current = self.terms.get(key)
        if current is None or PRIORITY[entity] < PRIORITY[current.entity]:
            self.terms[key] = Term(entity, (value,), norm)
        elif current.entity == entity and merge and value not in current.values:
            self.terms[key] = Term(entity, (*current.values, value), current.norm)


def _english_variants(name: str) -> list[str]:
    """Adds the singular of an English name's last word ("pearls" -> "pearl")."""
    if name.endswith("s") and len(name.split()[-1]) > 4:
        return [name, name[:-1]]
    return [name]


def _product_terms(index: TermIndex, lexicon: CatalogLexicon, reserved: set) -> None:
    """Adds product names, aliases and their generic heads ("trà hoa vàng", "fish sauce").

    A head never takes over a category word or a place name ("Tiên Yên" of "gà Tiên Yên"),
    nor a product's own full name or alias ("nước khoáng Quang Hanh Fresh").
    """
    heads: dict[tuple[str, ...], set[str]] = {}
    # A one-word head keeps its accents ("ruốc"): such a term must agree with what is typed.
    spelled: dict[tuple[str, ...], str] = {}
    exact: set[tuple[str, ...]] = set()
    for product in lexicon.products:
        vi_names = {_clean(product.name_vi), *(_clean(a) for a in product.aliases)}
        en_name = _clean(product.name_en)
        for name in (product.name_vi, product.name_en, *product.aliases):
            if "(" not in name:
                exact.update(words(variant)[0] for variant in _english_variants(name))
        for name in vi_names | {en_name}:
            for variant in _english_variants(name):
                index.add(PRODUCT, product.id, variant)
        for name in _english_synonyms(en_name):
            index.add(PRODUCT, product.id, name)
            key, _ = words(name)
            for size in range(2, len(key)):
                heads.setdefault(key[-size:], set()).add(product.id)
        for key in _inner_spans(vi_names, reserved):
            heads.setdefault(key, set()).add(product.id)
        # Vietnamese names start with the head ("ruốc", "trà hoa vàng"), English ones end
        # with it ("fish sauce", "pearls").
        for name in vi_names:
            key, norm = words(name)
            for size in range(1, len(key)):
                heads.setdefault(key[:size], set()).add(product.id)
                if size == 1:  # longer heads never contradict typed accents: kept folded
                    spelled.setdefault(key[:size], norm[0])
        en_key, _ = words(en_name)
        for size in range(1, len(en_key)):
            heads.setdefault(en_key[-size:], set()).add(product.id)
    ordered = {product.id: rank for rank, product in enumerate(lexicon.products)}
    for key, ids in heads.items():
        single_vague = len(key) == 1 and (len(ids) < 2 or key[0] in _VAGUE or len(key[0]) < 3)
        if key in reserved or key in exact or single_vague or key in _NOT_HEADS:
            continue
        for product_id in sorted(ids, key=ordered.__getitem__):
            for variant in _english_variants(spelled.get(key, " ".join(key))):
                index.add(PRODUCT, product_id, variant)


def _english_synonyms(name: str) -> list[str]:
    """The English name with everyday words for its catalog words ("apricot liqueur")."""
    lowered = " ".join(words(name)[0])
    return [lowered.replace(theirs, ours) for ours, theirs in EN_SYNONYMS.items()
            if re.search(rf"\b{theirs}\b", lowered)]  # fmt: skip


def _inner_spans(names: set[str], reserved: set) -> set[tuple[str, ...]]:
    """Distinctive runs inside a name that people type alone ("Quang Hanh Fresh" of
    "Nước khoáng Quang Hanh Fresh vị chanh muối"): two words or more, not at its start,
    starting with a word that is not everyday Vietnamese or English, never a place name."""
    from nlu.language import EN_WORDS, VI_WORDS

    spans: set[tuple[str, ...]] = set()
    for name in names:
        key, _ = words(name)
        for begin in range(1, len(key) - 1):
            if key[begin] in VI_WORDS | EN_WORDS | _INNER_STOP or key[begin].isdigit():
                continue
            for end in range(begin + 2, len(key) + 1):
                span = key[begin:end]
                if span not in reserved and sum(map(len, span)) >= 8 and not _province(span):
                    spans.add(span)
    return spans


# Heads that are everyday words for a kind of request, not a product: "du lịch Quảng Ninh có
# gì" asks about travel, not about the product "Du lịch làng quê Yên Đức".
_NOT_HEADS = {("du", "lich"), ("tham", "quan"), ("trai", "nghiem")}
_INNER_STOP = {"dac", "thien", "nhien", "bo", "sung", "chat", "luong", "nguon", "goc", "bien",
               "lien", "khiet", "htx", "cong", "ty", "tnhh", "ho", "kinh", "doanh", "co", "so"}


def _province(span: tuple[str, ...]) -> bool:
    """Tells whether a run of words contains the province's own name."""
    return any(span[at : at + 2] == ("quang", "ninh") for at in range(len(span) - 1))


def _site_names(place: PlaceEntry) -> list[str]:
    """Names people use for a site: "Vịnh Hạ Long", "Hạ Long Bay", "Yên Tử"."""
    names = [_clean(place.name_vi), _clean(place.name_en)]
    if place.kind not in {"tourism_site", "festival"}:
        return names
    for part in re.split(r"\s[–—-]\s", _clean(place.name_vi)):
        lowered = part.strip().lower()
        for prefix in _SITE_PREFIXES:
            if lowered.startswith(prefix + " "):
                rest = part.strip()[len(prefix) + 1 :]
                names.append(rest)
                if prefix in _SITE_ENGLISH:
                    names.append(f"{rest} {_SITE_ENGLISH[prefix]}")
                if place.kind == "festival" and len(rest.split()) > 2:
                    words_ = part.strip().split()
                    size = len(prefix.split()) + 2
                    names.extend(" ".join(words_[:end]) for end in range(size, len(words_)))
                break
        names.append(part)
    return names


def _joined(name: str) -> list[str]:
    """Adds run-together spellings of short names ("halong bay", "mongcai")."""
    key, _ = words(name)
    if not 2 <= len(key) <= 4:
        return [name]
    joined = [
        " ".join((*key[:at], key[at] + key[at + 1], *key[at + 2 :])) for at in range(len(key) - 1)
    ]
    return [name, *joined]


def build_terms(lexicon: CatalogLexicon, category_words: Mapping[str, str]) -> TermIndex:
    """Builds the term index.

    Args:
        lexicon: Catalog names.
        category_words: Word or phrase -> category id (from the training data's synonyms).

    Returns:
        The index of every recognisable phrase.
    """
    index = TermIndex()
    places: list[tuple[str, str]] = []
    for place in (*lexicon.districts, *lexicon.places):
        names = [_clean(place.name_vi), _clean(place.name_en)]
        if place.kind != "district":
            names = _site_names(place)
        places.extend((place.id, variant) for name in names for variant in _joined(name))
    reserved = {words(word)[0] for word in category_words} | {words(n)[0] for _, n in places}
    _product_terms(index, lexicon, reserved)
    for word, category in category_words.items():
        index.add(CATEGORY, category, word, merge=False)
    for place_id, name in places:
        index.add(LOCATION, place_id, name, merge=False)
    rank = {product.id: order for order, product in enumerate(lexicon.products)}
    for key, term in index.terms.items():
        if term.entity == PRODUCT:
            values = tuple(sorted(term.values, key=rank.__getitem__))
            index.terms[key] = Term(PRODUCT, values, term.norm)
    return index
