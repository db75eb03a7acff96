"""Intent classifier: character and word n-gram TF-IDF into logistic regression."""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from pathlib import Path

import numpy as np

from nlu.clauses import combine
from nlu.features import CHAR_RANGE, WORD_PATTERN, WORD_RANGE, LinearSoftmax, TfidfBlock
from nlu.scoring import ClauseScorer

logger = logging.getLogger(__name__)

# Bump when features change, so cached models from older code are not reused.
FEATURE_VERSION = "13"


class IntentClassifier:
    """Scores intents for placeholder-replaced, folded text (see ``classifier_text``)."""

    def __init__(self, model: LinearSoftmax) -> None:
        self._model = model
        self._scorer = ClauseScorer(model)
        self.labels = list(model.labels)

    @property
    def model(self) -> LinearSoftmax:
        """The fitted model itself (its ``probabilities`` read one text at a time)."""
        return self._model

    @classmethod
    def train(cls, texts: list[str], labels: list[str], weights: list[float] | None = None,
              c: float = 10.0) -> IntentClassifier:  # fmt: skip
        """Fits TF-IDF + multinomial logistic regression with scikit-learn, keeps plain arrays.

        Args:
            texts: Classifier texts, one per example.
            labels: Their intents.
            weights: Per-example weights (1.0 each by default).
            c: Inverse regularisation strength of the logistic regression.

        Returns:
            The trained classifier.
        """
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_RANGE, sublinear_tf=True)
        words = TfidfVectorizer(analyzer="word", ngram_range=WORD_RANGE,
                                token_pattern=WORD_PATTERN, sublinear_tf=True)  # fmt: skip
        matrix = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
        # saga converges in well under a second here; lbfgs needs several.
        model = LogisticRegression(C=c, solver="saga", max_iter=300, tol=1e-3, random_state=0)
        model.fit(matrix, labels, sample_weight=weights)
        logger.info("trained intent classifier on %d examples in %d passes",
                    len(texts), int(model.n_iter_[0]))  # fmt: skip
        width = len(chars.vocabulary_)
        return cls(
            LinearSoftmax(
                labels=tuple(str(label) for label in model.classes_),
                chars=TfidfBlock(dict(chars.vocabulary_), chars.idf_.copy(), 0),
                words=TfidfBlock(dict(words.vocabulary_), words.idf_.copy(), width),
                coef=np.ascontiguousarray(model.coef_.T),
                intercept=model.intercept_.copy(),
            )
        )

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Returns (intent, probability) pairs, best first, the request clause weighing in."""
        probabilities = combine(text, self.labels, self._scorer.probabilities)
        order = np.argsort(probabilities)[::-1]
        return [(self.labels[index], float(probabilities[index])) for index in order]

    def save(self, path: Path) -> None:
        """Writes the model atomically, so concurrent starts never read half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(self._model, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> IntentClassifier:
        """Reads a model written by :meth:`save` (our own cache directory, never user input)."""
        with path.open("rb") as stream:
            model = pickle.load(stream)
        if not isinstance(model, LinearSoftmax):
            raise TypeError(f"{path} does not hold an intent model")
        return cls(model)
