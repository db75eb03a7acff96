"""Runs every entity extractor in a fixed order so that no two claim the same words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nlu.elsewhere import from_elsewhere
from nlu.found import Found, free, take
from nlu.gazetteer import Gazetteer, Match
from nlu.lexicon import CatalogLexicon
from nlu.made_from import MadeFrom
from nlu.narrow import (
    absorb_generic,
    narrow_products,
    producer_brands,
    product_bigrams,
    product_names,
)
from nlu.normalize import NormText
from nlu.prices import find_prices
from nlu.rules import find_phones_and_orders, find_phrases, find_quantities, find_stars
from nlu.terms import PRODUCT
from nlu.tokens import Token

# Capitalised words that follow a product mention without naming a maker: "nước mắm OCOP".
_NO_MAKER = {"ocop"}


class EntityExtractor:
    """Finds entities: phones and order ids, catalog names, prices, stars, quantities.

    Args:
        lexicon: Catalog names.
        category_words: Phrase -> category id.
        near_me: Phrases that mean "near me" (folded, space-separated).
    """

    def __init__(
        self,
        lexicon: CatalogLexicon,
        category_words: Mapping[str, str],
        near_me: Iterable[str] = (),
    ) -> None:
        self._gazetteer = Gazetteer(lexicon, category_words)
        self._product_pairs = product_bigrams(lexicon)
        self._product_names = product_names(lexicon)
        self._brands = producer_brands(lexicon)
        self._made_from = MadeFrom(lexicon)
        self._near_me = [tuple(phrase.split()) for phrase in near_me]

    def extract(self, text: NormText, tokens: list[Token]) -> list[Found]:
        """Extracts entities from one message.

        Args:
            text: The normalised message.
            tokens: Its tokens after teencode expansion.

        Returns:
            Entities in text order; a generic product mention gives one per product.
        """
        plain = text.norm == text.fold
        taken = [False] * len(tokens)
        found = find_phones_and_orders(text, tokens, taken)
        found += find_prices(tokens, taken, plain)
        found += find_stars(tokens, taken, plain)
        found += find_phrases(tokens, taken, "near_me", self._near_me)
        product_starts: set[int] = set()
        matches = self._gazetteer.find(tokens)
        named = {match.begin for match in matches}
        for match in matches:
            if not free(taken, match.begin, match.end):
                continue
            take(taken, match.begin, match.end)
            ours = _names_producer(tokens, match, self._brands)
            if match.term.entity == PRODUCT and not ours and _not_ours(text, tokens, match, named):
                # "nước mắm Phú Quốc" is not ours: no product, but the classifier still
                # reads a food there, so the request keeps its intent.
                found.append(Found(ELSEWHERE, True, match.begin, match.end))
                continue
            if match.term.entity == PRODUCT:
                product_starts.add(match.begin)
            found += [Found(match.term.entity, value, match.begin, match.end)
                      for value in match.term.values]  # fmt: skip
        found += find_quantities(tokens, taken, plain, product_starts)
        found = absorb_generic(found, tokens, self._product_names)
        found = narrow_products(found, tokens, self._product_pairs, self._brands)
        found = self._made_from.expand(found, tokens)
        return sorted(found, key=lambda item: (item.begin, item.end))


def _names_producer(tokens: list[Token], match: Match, brands: dict[str, str]) -> bool:
    """Tells whether the word after a product mention is one of its producers' short
    names: "ruốc hàu Bavabi" is ours, though "Bavabi" is capitalised and no product."""
    after = match.end
    if after >= len(tokens):
        return False
    return any(brands.get(str(value)) == tokens[after].fold for value in match.term.values)


def _not_ours(text: NormText, tokens: list[Token], match: Match, named: set[int]) -> bool:
    """Tells whether a product mention names someone else's product: a place elsewhere
    follows it, or a generic or misspelt mention is followed by a capitalised name that
    is none of the catalog's ("nước mắm Cửa Khe")."""
    if from_elsewhere(tokens, match.end):
        return True
    if match.fuzzy and from_elsewhere(tokens, match.end - 1):
        return True
    generic_word = match.end - match.begin == 1 and len(match.term.values) > 1
    if generic_word and from_elsewhere(tokens, match.end + 1):
        return True  # "kẹo dừa Bến Tre": a kind of sweet from elsewhere, not one of ours
    after = match.end
    if (len(match.term.values) < 2 and not match.fuzzy) or after >= len(tokens) or after in named:
        return False
    token = tokens[after]
    first = text.original[token.start : token.start + 1]
    shouting = text.original.upper() == text.original
    if token.fold in _NO_MAKER:
        return False  # the label the whole catalog carries names no one else's product
    return token.is_word and not token.expanded and first.isupper() and not shouting


# A food that is not in the catalog: read as a product, never returned as an entity.
ELSEWHERE = "_elsewhere"
_PLACEHOLDERS = {
    "product": "xproduct", ELSEWHERE: "xproduct", "category": "xcategory",
    "location": "xlocation",
    "price_max": "xprice", "price_min": "xprice", "phone": "xphone", "order_id": "xorder",
    "quantity": "xnum", "stars": "xstars",
}  # fmt: skip


def classifier_text(tokens: list[Token], found: list[Found]) -> str:
    """Folded text for the intent classifier, entity mentions replaced by placeholders.

    "cho mình 2 chai nước mắm Cái Rồng" -> "cho minh xnum chai xproduct".
    """
    replaced: dict[int, tuple[int, str]] = {}
    for item in found:
        if item.entity in _PLACEHOLDERS and item.begin not in replaced:
            replaced[item.begin] = (item.end, _PLACEHOLDERS[item.entity])
    words: list[str] = []
    index = 0
    while index < len(tokens):
        if index in replaced:
            end, placeholder = replaced[index]
            words.append(placeholder)
            index = end
            continue
        words.append(tokens[index].fold)
        index += 1
    return " ".join(words)
