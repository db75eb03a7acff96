"""TF-IDF features computed without scikit-learn, the same way its vectorizers do.

Training uses scikit-learn; parsing only needs numpy, so a cold start skips importing
scikit-learn and one parse costs microseconds instead of milliseconds of validation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

CHAR_RANGE = (2, 5)
WORD_RANGE = (1, 2)
WORD_PATTERN = r"\S+"
_SPACES = re.compile(r"\s\s+")


def char_wb_ngrams(text: str) -> list[str]:
    """Character n-grams inside word boundaries, as ``analyzer="char_wb"`` makes them."""
    low, high = CHAR_RANGE
    grams: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for size in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + size])
            while offset + size < len(padded):
                offset += 1
                grams.append(padded[offset : offset + size])
            if offset == 0:
                break
    return grams


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams, as ``analyzer="word"`` with ``token_pattern=r"\\S+"``."""
    words = re.findall(WORD_PATTERN, text.lower())
    low, high = WORD_RANGE
    grams: list[str] = []
    for size in range(low, high + 1):
        grams.extend(" ".join(words[at : at + size]) for at in range(len(words) - size + 1))
    return grams


@dataclass(frozen=True, slots=True)
class TfidfBlock:
    """One fitted vectorizer: vocabulary, idf weights and where its columns start."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int

    def add(self, grams: list[str], columns: list[np.ndarray], values: list[np.ndarray]) -> None:
        """Appends this block's sublinear, L2-normalised TF-IDF values."""
        vocabulary = self.vocabulary
        counts = Counter(vocabulary[gram] for gram in grams if gram in vocabulary)
        if not counts:
            return
        index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[index]
        columns.append(index + self.offset)
        values.append(weights / (math.sqrt(float(weights @ weights)) or 1.0))


@dataclass(frozen=True, slots=True)
class LinearSoftmax:
    """A fitted multinomial logistic regression over the two TF-IDF blocks."""

    labels: tuple[str, ...]
    chars: TfidfBlock
    words: TfidfBlock
    coef: np.ndarray  # features x labels, so one message gathers contiguous rows
    intercept: np.ndarray

    def probabilities(self, text: str) -> np.ndarray:
        """Returns one probability per label for a classifier text."""
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        self.chars.add(char_wb_ngrams(text), columns, values)
        self.words.add(word_ngrams(text), columns, values)
        scores = self.intercept.copy()
        if columns:
            scores += np.concatenate(values) @ self.coef[np.concatenate(columns)]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()
