"""Narrows a generic product mention with a distinctive name elsewhere in the message.

"trà hoa vàng của Quy Hoa" matches the generic "trà hoa vàng" (three teas), but "quy hoa"
names only one of them: the person meant that one. Two-word phrases are compared, so a
lone "ba" (three) never stands for "Ba Chẽ". The producer counts too: "ruốc hàu Bavabi"
is Bavabi's floss, and a one-word short name ("Bavabi", before any parenthesis) is
compared on its own.
"""

from __future__ import annotations

import re
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
    """Maps every product id to the word pairs of its names, aliases and producer (folded)."""
    pairs: dict[str, set[Bigram]] = {}
    for product in lexicon.products:
        names = (product.name_vi, product.name_en, *product.aliases, product.producer)
        pairs[product.id] = set().union(*(_bigrams(words(name)[0]) for name in names if name))
    return pairs


def producer_brands(lexicon: CatalogLexicon) -> dict[str, str]:
    """Maps a product id to its producer's one-word short name, folded ("bavabi"), if any."""
    brands: dict[str, str] = {}
    for product in lexicon.products:
        short = words(re.sub(r"\(.*", " ", product.producer))[0]
        if len(short) == 1 and len(short[0]) > 3 and short[0].isalpha():
            brands[product.id] = short[0]
    return brands


def product_names(lexicon: CatalogLexicon) -> dict[str, list[tuple[str, ...]]]:
    """Maps every product id to the folded word tuples of its names and aliases."""
    return {product.id: [words(name)[0] for name in (product.name_vi, product.name_en,
                                                     *product.aliases) if name]
            for product in lexicon.products}  # fmt: skip


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Tells whether ``part`` is a run of words inside ``whole``."""
    return any(whole[at : at + len(part)] == part for at in range(len(whole) - len(part) + 1))


def absorb_generic(
    found: list[Found], tokens: list[Token], names: dict[str, list[tuple[str, ...]]]
) -> list[Found]:
    """Drops a generic mention that is part of the name of a product named elsewhere:
    "nước khoáng Quang Hanh vị chanh muối" is the salted-lemon water, not all three."""
    spans: dict[tuple[int, int], list[str]] = {}
    for item in found:
        if item.entity == PRODUCT:
            spans.setdefault((item.begin, item.end), []).append(str(item.value))
    dropped = set()
    for (begin, end), candidates in spans.items():
        if len(candidates) < 2:
            continue
        said = tuple(token.fold for token in tokens[begin:end])
        others = {
            values[0]
            for span, values in spans.items()
            if span != (begin, end) and len(values) == 1
        }  # specific mentions only
        if any(_inside(said, name) for other in others for name in names.get(other, ())):
            dropped.add((begin, end))
    return [f for f in found if f.entity != PRODUCT or (f.begin, f.end) not in dropped]


def narrow_products(
    found: list[Found],
    tokens: list[Token],
    pairs: dict[str, set[Bigram]],
    brands: dict[str, str] | None = None,
) -> list[Found]:
    """Keeps, of a multi-product mention, the products named again elsewhere in the text.

    Args:
        found: Entities in any order; product entities sharing a span are one mention.
        tokens: The message's tokens.
        pairs: From :func:`product_bigrams`.
        brands: From :func:`producer_brands`.

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
        if not named and brands:
            named = [c for c in candidates if brands.get(c) in set(outside)]
        if 0 < len(named) < len(candidates):
            dropped |= {(begin, end, c) for c in candidates if c not in named}
    return [f for f in found if (f.begin, f.end, str(f.value)) not in dropped]
