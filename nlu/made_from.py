"""Products made from what a message names, when the message asks for all of them.

"hàu" names the oysters (Hàu Vân Đồn): "2 kg hàu" means them. "cho mình xem các sản phẩm từ
hàu" or "show me all the oyster products" asks for everything made from oysters, the oyster
flosses too, the way "các loại nước mắm" names every fish sauce. A product of the same kind
joins when one of its names holds the word ("Ruốc hàu", "rock oysters"); one of another kind
only when its Vietnamese name does ("Nước mắm sá sùng" for "sá sùng"), since "King oyster
mushrooms" are no oysters. A mention with a place in it ("hàu Vân Đồn") names one product.
"""

from __future__ import annotations

import re

from nlu.found import Found
from nlu.lexicon import CatalogLexicon
from nlu.terms import PRODUCT, words
from nlu.tokens import Token

# Folded words before a mention that ask for the whole range of it: "các loại nước mắm",
# "các sản phẩm (làm) từ hàu", "all the oyster …", "kinds of", "products made from oysters".
_THE_KINDS = r"\b(?:cac|nhung|tat ca|moi|may|bao nhieu)\s+(?:loai|san pham|sp|mon|mat hang)"
_MADE_FROM = r"\b(?:san pham|sp|lam|che bien|san xuat)\s+(?:tu|bang)"
RANGE_BEFORE = re.compile(
    rf"{_THE_KINDS}\b|{_MADE_FROM}$"
    r"|\ball\b|\b(?:kinds?|types?|sorts?|range|varieties)\s+of\b|\bmade\s+(?:from|with|of)$"
)
# The same cues right before the mention, nothing between (nlu.bare_words).
RIGHT_BEFORE = re.compile(rf"(?:{_THE_KINDS}|{_MADE_FROM})$")
# And right after it: "oyster products", "hàu có những loại nào" (not "các loại khác").
RANGE_AFTER = re.compile(
    r"^(?:products?\b|(?:co\s+|thi co\s+)?(?:nhung|cac|may|bao nhieu)\s+(?:loai|san pham|sp)"
    r"\b(?!\s+khac))"
)
# How many words before a mention may hold the cue ("các sản phẩm làm từ hàu").
BEFORE_WORDS = 5
# One word as the catalog spells it: (folded, with its accents).
Word = tuple[str, str]


def asks_for_range(tokens: list[Token], begin: int, end: int) -> bool:
    """Whether the words around a mention ask for every product of its kind ("các loại …",
    "all the … products"); "what's it made of" or "X với Y loại nào ngon hơn" do not."""
    before = [t.fold for t in tokens[:begin] if t.is_word][-BEFORE_WORDS:]
    after = [t.fold for t in tokens[end:] if t.is_word][:BEFORE_WORDS]
    return bool(RANGE_BEFORE.search(" ".join(before)) or RANGE_AFTER.search(" ".join(after)))


class MadeFrom:
    """Finds the products made from a mentioned one, from the catalog's names.

    Args:
        lexicon: Catalog names.
    """

    def __init__(self, lexicon: CatalogLexicon) -> None:
        self._order = [product.id for product in lexicon.products]
        self._category = {product.id: product.category for product in lexicon.products}
        self._vi = {p.id: [_spelled(p.name_vi)] for p in lexicon.products}
        self._names = {
            p.id: [_spelled(name) for name in (p.name_vi, p.name_en, *p.aliases) if name]
            for p in lexicon.products
        }
        self._places = [
            _spelled(name)
            for place in (*lexicon.districts, *lexicon.places)
            for name in (place.name_vi, place.name_en)
            if name
        ]

    def expand(self, found: list[Found], tokens: list[Token]) -> list[Found]:
        """Adds to each product mention of a range request the products made from it.

        Args:
            found: Entities; product entities sharing a span are one mention.
            tokens: The message's tokens.

        Returns:
            The entities, each mention's products in catalog order.
        """
        spans: dict[tuple[int, int], list[str]] = {}
        for item in found:
            if item.entity == PRODUCT:
                spans.setdefault((item.begin, item.end), []).append(str(item.value))
        added: list[Found] = []
        for (begin, end), ids in spans.items():
            if not asks_for_range(tokens, begin, end):
                continue
            said = [(_singular(t.fold), t.norm if t.norm != t.fold else "")
                    for t in tokens[begin:end] if t.is_word or t.is_number]  # fmt: skip
            if any(_within(place, said) for place in self._places):
                continue
            kinds = {self._category.get(pid) for pid in ids}
            added += [
                Found(PRODUCT, pid, begin, end)
                for pid in self._order
                if pid not in ids and self._made_from(pid, said, kinds)
            ]
        return found + added if added else found

    def _made_from(self, product_id: str, said: list[tuple[str, str]], kinds: set) -> bool:
        """Whether a product's names hold the words said (its Vietnamese name, for another
        kind of product)."""
        names = self._names[product_id] if self._category[product_id] in kinds else []
        return any(_holds(name, said) for name in (*self._vi[product_id], *names))


def _spelled(name: str) -> list[Word]:
    """A name's words, folded (English plurals singular) and with their accents; a remark
    in brackets ("(cơ sở Nguyễn Đăng Lương)") is no part of it."""
    folded, norm = words(re.sub(r"\([^)]*\)", " ", name))
    return [(_singular(f), n) for f, n in zip(folded, norm, strict=True)]


def _singular(word: str) -> str:
    """ "oysters" -> "oyster"; Vietnamese words and short ones are left as they are."""
    return word[:-1] if word.isascii() and len(word) > 4 and word.endswith("s") else word


def _holds(name: list[Word], said: list[tuple[str, str]]) -> bool:
    """Whether the words said run inside a name; a word typed with accents must match the
    name's ("nấm" is no "nam"), one typed without matches any."""
    size = len(said)
    return size > 0 and any(
        all(
            word[0] == fold and (not accents or word[1] == accents)
            for word, (fold, accents) in zip(name[at : at + size], said, strict=True)
        )
        for at in range(len(name) - size + 1)
    )


def _within(place: list[Word], said: list[tuple[str, str]]) -> bool:
    """Whether a place name runs inside the words said ("hàu Vân Đồn")."""
    size = len(place)
    folded = [fold for fold, _ in said]
    return size > 0 and any(
        folded[at : at + size] == [fold for fold, _ in place]
        for at in range(len(folded) - size + 1)
    )
