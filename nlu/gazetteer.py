"""Finds products, categories and places: exact matches on the folded form, longest first,
then rapidfuzz for typos ("trà hao vàng", "nước mắn")."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from nlu.language import EN_WORDS, VI_WORDS
from nlu.lexicon import CatalogLexicon
from nlu.terms import PRIORITY, Term, build_terms
from nlu.tokens import Token

logger = logging.getLogger(__name__)

# Folded words that are too common to stand alone for a term when typed without accents.
# Real words that look like a slip of a catalog word ("rưỡi" is not "rượu").
_NOT_TYPOS = {"ruoi", "thanh", "toan", "phan", "xuan", "tram", "chuc", "luon", "muon", "nhan"}
# Keys next to each other on a QWERTY keyboard: a slipped first letter is a neighbour.
_NEIGHBOURS = {"n": "bmhj", "m": "nj", "b": "vnghj", "v": "cbfg", "c": "xvdf", "x": "zcsd",
               "h": "gjybn", "g": "fhtvb", "t": "ryfg", "r": "etdf", "d": "sfecx", "s": "adwxz",
               "l": "kop", "k": "jlmio", "u": "yihj", "i": "uojk", "o": "ipkl"}  # fmt: skip
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
        self._longest = max((len(key) for key in self._terms), default=0)
        self._vocabulary = {word for key in self._terms for word in key}
        self._known = VI_WORDS | EN_WORDS | _NOT_TYPOS
        self._by_size: dict[int, list[str]] = {}
        self._lookup: dict[str, tuple[str, ...]] = {}
        # Multi-word names by (size, first word) and (size, second word): a slip leaves
        # one of the two intact, so the typo search only compares against a handful.
        self._by_word: dict[tuple[int, int, str], list[str]] = {}
        for key in self._terms:
            text = " ".join(key)
            if len(text) >= 5:
                self._by_size.setdefault(len(key), []).append(text)
                self._lookup[text] = key
                for at in range(min(2, len(key)) if len(key) > 1 else 0):
                    self._by_word.setdefault((len(key), at, key[at]), []).append(text)
        self._cutoff = fuzzy_cutoff
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
            for size in range(min(self._longest, len(words) - begin), 0, -1):
                term = self._terms.get(tuple(words[begin : begin + size]))
                if term and self._accents_agree(tokens[begin : begin + size], term, plain):
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
        words = [token.fold for token in tokens]
        matches = list(chosen)
        alive = [True] * len(matches)
        owner = [-1] * len(words)
        for number, match in enumerate(matches):
            owner[match.begin : match.end] = [number] * (match.end - match.begin)
        for size in range(min(self._longest, len(words)), 0, -1):
            for begin in range(len(words) - size + 1):
                span = owner[begin : begin + size]
                if -1 not in span or not self._could_misspell(words, begin, size):
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
                key = self._fuzzy_at(words[begin : begin + size],
                                     [t.norm for t in tokens[begin : begin + size]])
                if key is None:
                    continue
                for number in inside:
                    alive[number] = False
                owner[begin : begin + size] = [len(matches)] * size
                matches.append(Match(self._terms[key], begin, begin + size, fuzzy=True))
                alive.append(True)
        return [match for match, keep in zip(matches, alive, strict=True) if keep]

    def _could_misspell(self, words: list[str], begin: int, size: int) -> bool:
        """Cheap test before the fuzzy search: a known first word, or one long odd word."""
        first = words[begin]
        if size == 1:
            return len(first) >= 5 and first.isalpha() and first not in self._vocabulary
        if size not in self._by_size:
            return False
        return first in self._vocabulary or (  # "tihn dầu tràm": only the first word slipped
            len(first) >= 3 and first not in self._known
            and all(word in self._vocabulary for word in words[begin + 1 : begin + size]))

    def _fuzzy_at(self, words: list[str], norms: list[str]) -> tuple[str, ...] | None:
        """Returns the key of the term these words misspell, if any."""
        if not all(word.isalpha() for word in words):
            return None
        if len(words) == 1 and (len(words[0]) < 5 or words[0] in self._vocabulary):
            return None
        if len(words) > 1 and sum(map(len, words)) < 5:
            return None
        if len(words) == 1:
            choices = self._by_size.get(1)
        else:
            choices = [*self._by_word.get((len(words), 0, words[0]), ()),
                       *self._by_word.get((len(words), 1, words[1]), ())]  # fmt: skip
        if not choices:
            return None
        text = " ".join(words)
        best = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=self._cutoff)
        if best is None:
            return None
        key = self._lookup[best[0]]
        # One misspelt word, close to the right one, and not itself a real word
        # ("bán chạy" is not a typo of "Bãi Cháy"; "nước mắn" is one of "nước mắm").
        wrong = [at for at, (word, right) in enumerate(zip(words, key, strict=True))
                 if word != right]  # fmt: skip
        # One slipped word, two in a name of three words or more ("tra hao vag").
        if not 1 <= len(wrong) <= (2 if len(words) >= 3 else 1):
            return None
        for at in wrong:
            known = words[at] in self._known and not (len(words) >= 4 and wrong == [1])
            # A slip keeps the first letter ("tihn", "rốc"); "Shan" is no slip of "hằng".
            typed_first, meant_first = words[at][0], key[at][0]
            near = _NEIGHBOURS.get(typed_first, "")
            first_ok = typed_first == meant_first or meant_first in near
            if known or not first_ok or fuzz.ratio(words[at], key[at]) < 60:
                return None
            typed, meant = norms[at], self._terms[key].norm[at]
            if typed != words[at] and Levenshtein.distance(typed, meant) > 1:
                return None  # an accented real word ("mở buổi" is not "mơ muối")
        return key


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
