"""Typo search for the gazetteer: which spans of a message could be a misspelt catalog name,
and which name they misspell ("trà hao vàng", "nước mắn", "tihn dầu tràm")."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from nlu.language import EN_WORDS, VI_WORDS
from nlu.terms import Term

Key = tuple[str, ...]
# Real words that look like a slip of a catalog word ("rưỡi" is not "rượu").
_NOT_TYPOS = {"ruoi", "thanh", "toan", "phan", "xuan", "tram", "chuc", "luon", "muon", "nhan"}
# Keys next to each other on a QWERTY keyboard: a slipped first letter is a neighbour.
_NEIGHBOURS = {"n": "bmhj", "m": "nj", "b": "vnghj", "v": "cbfg", "c": "xvdf", "x": "zcsd",
               "h": "gjybn", "g": "fhtvb", "t": "ryfg", "r": "etdf", "d": "sfecx", "s": "adwxz",
               "l": "kop", "k": "jlmio", "u": "yihj", "i": "uojk", "o": "ipkl"}  # fmt: skip
# Phrases whose typo search result is kept; past this many the memory starts over.
CACHE_SPANS = 4096


def _runs(flags: list[bool]) -> list[int]:
    """For each position, how many flags in a row are true from there (one extra 0 at the end)."""
    runs = [0] * (len(flags) + 1)
    for at in range(len(flags) - 1, -1, -1):
        runs[at] = runs[at + 1] + 1 if flags[at] else 0
    return runs


@dataclass(frozen=True, slots=True)
class Words:
    """One message's folded words with what the typo search asks of every span."""

    words: list[str]
    catalog_run: list[int]  # catalog words in a row from each position
    letters_run: list[int]  # words made of letters only, in a row from each position
    lengths: list[int]  # characters before each position, summed


class TypoIndex:
    """Catalog names by size and by first or second word, for the typo search.

    Args:
        terms: The gazetteer's terms by folded words.
        cutoff: Minimum rapidfuzz ratio (0-100) for a typo match.
    """

    def __init__(self, terms: dict[Key, Term], cutoff: float) -> None:
        self._terms = terms
        self._vocabulary = {word for key in terms for word in key}
        self._known = VI_WORDS | EN_WORDS | _NOT_TYPOS
        self._by_size: dict[int, list[str]] = {}
        self._lookup: dict[str, Key] = {}
        # Multi-word names by (size, first word) and (size, second word): a slip leaves
        # one of the two intact, so the typo search only compares against a handful.
        self._by_word: dict[tuple[int, int, str], list[str]] = {}
        for key in terms:
            text = " ".join(key)
            if len(text) >= 5:
                self._by_size.setdefault(len(key), []).append(text)
                self._lookup[text] = key
                for at in range(min(2, len(key)) if len(key) > 1 else 0):
                    self._by_word.setdefault((len(key), at, key[at]), []).append(text)
        # Name sizes by the word a name of that size has first or second.
        self._sizes: dict[tuple[int, str], list[int]] = {}
        for size, at, word in self._by_word:
            self._sizes.setdefault((at, word), []).append(size)
        self._cutoff = cutoff
        self._seen: dict[tuple[str, ...], tuple[Key | None]] = {}  # (answer,) by phrase

    def __getstate__(self) -> dict[str, object]:
        """Pickles the index without the remembered searches (the extractor is cached)."""
        return {**self.__dict__, "_seen": {}}

    def spans(self, words: Words) -> list[tuple[int, int]]:
        """Every ``(begin, size)`` worth a fuzzy search, longest first, then in text order.

        Only spans that share their first or second word with a name of their size (or
        single words) can pass :meth:`worth_trying`, so only those are asked.
        """
        spans: set[tuple[int, int]] = set()
        count = len(words.words)
        for begin, word in enumerate(words.words):
            # A name's own first word always passes the first-word test: only its length,
            # letters and room to the end of the message remain to be checked.
            reach = min(words.letters_run[begin], count - begin)
            for size in self._sizes.get((0, word), ()):
                if size <= reach and words.lengths[begin + size] - words.lengths[begin] >= 5:
                    spans.add((begin, size))
            if begin:
                spans.update((begin - 1, size) for size in self._sizes.get((1, word), ())
                             if begin - 1 + size <= count
                             and self.worth_trying(words, begin - 1, size))  # fmt: skip
            if len(word) >= 5 and self.worth_trying(words, begin, 1):
                spans.add((begin, 1))
        return sorted(spans, key=lambda span: (-span[1], span[0]))

    def words(self, words: list[str]) -> Words:
        """Looks at a message's words once, for every span :meth:`worth_trying` is asked."""
        lengths = [0]
        for word in words:
            lengths.append(lengths[-1] + len(word))
        return Words(
            words=words,
            catalog_run=_runs([word in self._vocabulary for word in words]),
            letters_run=_runs([word.isalpha() for word in words]),
            lengths=lengths,
        )

    def worth_trying(self, words: Words, begin: int, size: int) -> bool:
        """Cheap test before the fuzzy search: a known first word, or one long odd word, and
        names of that size sharing a word (exactly where :meth:`misspelt` would search)."""
        if words.letters_run[begin] < size:
            return False
        first = words.words[begin]
        if size == 1:
            return len(first) >= 5 and not words.catalog_run[begin] and 1 in self._by_size
        if size not in self._by_size or words.lengths[begin + size] - words.lengths[begin] < 5:
            return False
        slipped = words.catalog_run[begin] > 0 or (  # "tihn dầu tràm": the first word slipped
            len(first) >= 3 and first not in self._known
            and words.catalog_run[begin + 1] >= size - 1)  # fmt: skip
        by_word = self._by_word
        return slipped and (
            (size, 0, first) in by_word or (size, 1, words.words[begin + 1]) in by_word
        )

    def misspelt(self, words: list[str], norms: list[str]) -> Key | None:
        """Returns the key of the term these words misspell, if any.

        Args:
            words: The span's folded words.
            norms: The same words as typed (normalised, accents kept).

        Returns:
            The key of the misspelt term, or None.
        """
        span = (*words, *norms)  # the same phrase comes back in message after message
        seen = self._seen.get(span)
        if seen is not None:
            return seen[0]
        key = self._misspelt(words, norms)
        if len(self._seen) >= CACHE_SPANS:
            self._seen.clear()
        self._seen[span] = (key,)
        return key

    def _misspelt(self, words: list[str], norms: list[str]) -> Key | None:
        """Does the search for :meth:`misspelt`."""
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
