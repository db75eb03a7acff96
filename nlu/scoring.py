"""Scores a message and its clauses in one pass over the fitted model.

``LinearSoftmax.probabilities`` is the plain reading of the model, one text at a time. Here
the same numbers come cheaper: a word's character n-gram columns are looked up once and
kept, and every text of a message (the whole and its clauses) shares one matrix product,
so a message costs a handful of numpy calls instead of a few dozen per clause.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from nlu.features import LinearSoftmax, char_wb_ngrams

# Words are few (the classifier text is folded, entities are placeholders), but user text
# is unbounded: past this many cached words (or texts) the cache starts over.
CACHE_WORDS = 4096


class ClauseScorer:
    """Probabilities for several classifier texts at once, equal to the model's own.

    Args:
        model: The fitted model.
        cache_words: How many words' columns, and how many texts' probabilities, to keep.
    """

    def __init__(self, model: LinearSoftmax, cache_words: int = CACHE_WORDS) -> None:
        self._chars = model.chars
        self._words = model.words
        self._coef = model.coef
        self._intercept = model.intercept
        self._width = model.coef.shape[0]
        self._idf = np.zeros(self._width)
        self._in_words = np.zeros(self._width, dtype=np.intp)  # 1 for a word n-gram column
        for block in (model.chars, model.words):
            self._idf[block.offset : block.offset + len(block.idf)] = block.idf
        self._in_words[model.words.offset : model.words.offset + len(model.words.idf)] = 1
        self._limit = cache_words
        self._cache: dict[str, np.ndarray] = {}
        self._rows: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        """The model columns of one word: its character n-grams and the word itself."""
        columns = self._cache.get(word)
        if columns is None:
            chars, words = self._chars, self._words
            found = [chars.vocabulary[gram] + chars.offset for gram in char_wb_ngrams(word)
                     if gram in chars.vocabulary]  # fmt: skip
            if word in words.vocabulary:
                found.append(words.vocabulary[word] + words.offset)
            columns = np.array(found, dtype=np.intp)
            if len(self._cache) >= self._limit:
                self._cache.clear()
            self._cache[word] = columns
        return columns

    def _columns(self, texts: list[str]) -> np.ndarray:
        """Every n-gram occurrence of every text, as ``text * width + column``."""
        parts: list[np.ndarray] = []
        sizes: list[int] = []
        pairs: list[int] = []  # word bigrams, already keyed by text
        vocabulary, offset = self._words.vocabulary, self._words.offset
        for row, text in enumerate(texts):
            words = text.lower().split()
            size = 0
            for word in words:
                columns = self._word(word)
                parts.append(columns)
                size += len(columns)
            sizes.append(size)
            base = row * self._width + offset
            for first, second in pairwise(words):
                column = vocabulary.get(f"{first} {second}")
                if column is not None:
                    pairs.append(base + column)
        keys = np.concatenate(parts) if parts else np.zeros(0, dtype=np.intp)
        keys += np.repeat(np.arange(len(texts), dtype=np.intp) * self._width, sizes)
        return np.concatenate((keys, np.array(pairs, dtype=np.intp)))

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Returns one row of label probabilities per classifier text.

        A text's row depends on that text alone (never on the others scored with it), so
        rows of texts seen before are kept and reused: short messages and request clauses
        ("gia bao nhieu") come back again and again.

        Args:
            texts: Classifier texts (placeholder-replaced, folded).

        Returns:
            An array of shape ``(len(texts), labels)``.
        """
        known = {text: self._rows.get(text) for text in texts}
        missing = [text for text, row in known.items() if row is None]
        if missing:
            if len(self._rows) + len(missing) > self._limit:
                self._rows.clear()
            for text, row in zip(missing, self._score(missing), strict=True):
                row.flags.writeable = False
                known[text] = self._rows[text] = row
        return np.vstack([known[text] for text in texts])

    def _score(self, texts: list[str]) -> np.ndarray:
        """Scores texts not seen before; each row is summed over that text's n-grams only."""
        scores = np.empty((len(texts), len(self._intercept)))
        scores[:] = self._intercept
        keys = self._columns(texts)
        if len(keys):  # none at all when no word of any text is known ("你好")
            keys.sort()
            bounds = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1], [True])))
            counts = bounds[1:] - bounds[:-1]  # how often each distinct n-gram is in its text
            rows, columns = np.divmod(keys[bounds[:-1]], self._width)
            blocks = 2 * rows + self._in_words[columns]  # each vectorizer is normalised alone
            weights = (1.0 + np.log(counts)) * self._idf[columns]
            weights /= np.sqrt(np.bincount(blocks, weights * weights))[blocks]
            first = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
            terms = self._coef[columns] * weights[:, None]
            scores[rows[first]] += np.add.reduceat(terms, first, axis=0)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)
