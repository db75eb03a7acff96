"""Finds products, categories and places: exact matches on the folded form, longest first,
then rapidfuzz for typos ("trà hao vàng", "nước mắn", see ``typos``)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nlu.bare_words import RANGE_ONLY, range_names_it
from nlu.lexicon import CatalogLexicon
from nlu.terms import PRIORITY, Term, build_terms
from nlu.tokens import Token
from nlu.typos import TypoIndex

logger = logging.getLogger(__name__)

# Folded words that are too common to stand alone for a term when typed without accents.
_BARE_STOP = {"oi", "ha", "na", "ga", "ba", "hai", "tra", "che", "nam", "hau", "trung", "nuoc"}


@dataclass(frozen=True, slots=True)
class Match:
    """A recognised phrase covering ``tokens[begin:end]``."""

    term: Term
    begin: int
    end: int
    fuzzy: bool = False


class Gazetteer:
    """Recognises catalog names in token sequences.

    Args:
        lexicon: Catalog names.
        category_words: Phrase -> category id.
        fuzzy_cutoff: Minimum rapidfuzz ratio (0-100) for a typo match.
    """

    def __init__(
        self,
        lexicon: CatalogLexicon,
        category_words: Mapping[str, str],
        fuzzy_cutoff: float = 85.0,
    ) -> None:
        self._terms = build_terms(lexicon, category_words).terms
        # The names as a word trie (a node's "" entry holds the term ending there): the
        # exact search walks it once from each word instead of trying every length.
        self._trie: dict[str, Any] = {}
        for key, term in self._terms.items():
            node = self._trie
            for word in key:
                node = node.setdefault(word, {})
            node[""] = term
        self._typos = TypoIndex(self._terms, fuzzy_cutoff)
        logger.debug("gazetteer built with %d terms", len(self._terms))

    def find(self, tokens: list[Token]) -> list[Match]:
        """Finds non-overlapping catalog mentions.

        Args:
            tokens: The message's tokens (after teencode expansion).

        Returns:
            Matches in text order.
        """
        words = [token.fold for token in tokens]
        plain = all(token.norm == token.fold for token in tokens if not token.expanded)
        candidates = []
        for begin in range(len(words)):
            ending: list[tuple[int, Term]] = []  # names that start here, by their length
            node = self._trie
            for size, word in enumerate(words[begin:], start=1):
                node = node.get(word) if word else None  # "" is no word of any name
                if node is None:
                    break
                if "" in node:
                    ending.append((size, node[""]))
            for size, term in reversed(ending):  # longest first
                if self._accents_agree(tokens[begin : begin + size], term, plain) or (
                    size == 1 and plain and _ranged(tokens, begin)
                ):
                    candidates.append(Match(term, begin, begin + size))
        chosen = _select(candidates, len(words))
        return sorted(self._fuzzy(tokens, chosen), key=lambda match: match.begin)

    @classmethod
    def _accents_agree(cls, tokens: list[Token], term: Term, plain: bool) -> bool:
        """Accents the user typed must not contradict the name's ("có tổ" is not "Cô Tô")."""
        if len(tokens) == 1:
            return cls._single_ok(tokens[0], term, plain)
        typed = [(token.norm, norm) for token, norm in zip(tokens, term.norm, strict=True)
                 if token.norm != token.fold and norm != token.fold]  # fmt: skip
        return sum(mine != theirs for mine, theirs in typed) * 2 <= len(typed)

    @staticmethod
    def _single_ok(token: Token, term: Term, plain: bool) -> bool:
        """A one-word term needs its diacritics when the user typed some ("ơi" is not "ổi",
        "Trung tâm" is not "trứng")."""
        if token.norm != token.fold:
            return token.norm == term.norm[0]
        if term.norm[0] == token.fold:
            return True
        if not plain:
            return False
        return token.fold not in _BARE_STOP

    def _fuzzy(self, tokens: list[Token], chosen: list[Match]) -> list[Match]:
        """Adds typo matches; one may replace shorter exact matches inside its span."""
        words = self._typos.words([token.fold for token in tokens])
        matches = list(chosen)
        alive = [True] * len(matches)
        owner = [-1] * len(tokens)
        for number, match in enumerate(matches):
            owner[match.begin : match.end] = [number] * (match.end - match.begin)
        for begin, size in self._typos.spans(words):  # longest first, then in text order
            span = owner[begin : begin + size]
            if -1 not in span:
                continue  # only spans with a word no exact match explained
            inside = {number for number in span if number >= 0}
            if any(
                matches[n].begin < begin
                or matches[n].end > begin + size
                or matches[n].end - matches[n].begin >= size
                or matches[n].fuzzy
                for n in inside
            ):
                continue
            norms = [token.norm for token in tokens[begin : begin + size]]
            key = self._typos.misspelt(words.words[begin : begin + size], norms)
            if key is None:
                continue
            for number in inside:
                alive[number] = False
            owner[begin : begin + size] = [len(matches)] * size
            matches.append(Match(self._terms[key], begin, begin + size, fuzzy=True))
            alive.append(True)
        return [match for match, keep in zip(matches, alive, strict=True) if keep]


def _ranged(tokens: list[Token], index: int) -> bool:
    """A bare ambiguous word that still names its product: "cac san pham tu hau"."""
    token = tokens[index]
    return token.norm == token.fold and token.fold in RANGE_ONLY and range_names_it(tokens, index)


def _select(candidates: list[Match], size: int) -> list[Match]:
    """Keeps the longest matches first, then the higher-priority entity, without overlaps."""
    taken = [False] * size
    chosen = []
    ordered = sorted(
        candidates,
        key=lambda m: (-(m.end - m.begin), PRIORITY[m.term.entity], m.begin),
    )
    for match in ordered:
        if not any(taken[match.begin : match.end]):
            chosen.append(match)
            for index in range(match.begin, match.end):
                taken[index] = True
    return chosen
