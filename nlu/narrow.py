"""Narrows a generic product mention with a distinctive name elsewhere in the message.

"trà hoa vàng của Quy Hoa" matches the generic "trà hoa vàng" (three teas), but "quy hoa"
names only one of them: the person meant that one. Two-word phrases are compared, so a
lone "ba" (three) never stands for "Ba Chẽ".
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from nlu.found import Found
from nlu.lexicon import CatalogLexicon
from nlu.terms import PRODUCT, words
from nlu.tokens import Token

Bigram = tuple[str, str]


def _bigrams(folded: Iterable[str]) -> set[Bigram]:
    return set(pairwise(folded))


def product_bigrams(lexicon: CatalogLexicon) -> dict[str, set[Bigram]]:
    """Maps every product id to the word pairs of its names and aliases (folded)."""
    pairs: dict[str, set[Bigram]] = {}
    for product in lexicon.products:
        names = (product.name_vi, product.name_en, *product.aliases)
        pairs[product.id] = set().union(*(_bigrams(words(name)[0]) for name in names if name))
    return pairs


def narrow_products(
    found: list[Found], tokens: list[Token], pairs: dict[str, set[Bigram]]
) -> list[Found]:
    """Keeps, of a multi-product mention, the products named again elsewhere in the text.

    Args:
        found: Entities in any order; product entities sharing a span are one mention.
        tokens: The message's tokens.
        pairs: From :func:`product_bigrams`.

    Returns:
        The entities, with each ambiguous mention narrowed where the text allows it.
    """
    spans: dict[tuple[int, int], list[str]] = {}
    for item in found:
        if item.entity == PRODUCT:
            spans.setdefault((item.begin, item.end), []).append(str(item.value))
    dropped: set[tuple[int, int, str]] = set()
    for (begin, end), candidates in spans.items():
        if len(candidates) < 2:
            continue
        outside = [t.fold for i, t in enumerate(tokens) if not begin <= i < end and t.is_word]
        said = _bigrams(outside)
        shared = set.intersection(*(pairs.get(c, set()) for c in candidates))
        named = [c for c in candidates if (pairs.get(c, set()) - shared) & said]
        if 0 < len(named) < len(candidates):
            dropped |= {(begin, end, c) for c in candidates if c not in named}
    return [f for f in found if (f.begin, f.end, str(f.value)) not in dropped]
