"""Intent classifier: character and word n-gram TF-IDF into logistic regression."""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

logger = logging.getLogger(__name__)

# Bump when features change, so cached models from older code are not reused.
FEATURE_VERSION = "3"


class IntentClassifier:
    """Scores intents for placeholder-replaced, folded text (see ``classifier_text``)."""

    def __init__(self, features: FeatureUnion, model: LogisticRegression) -> None:
        self._features = features
        self._model = model
        self.labels: list[str] = [str(label) for label in model.classes_]

    @classmethod
    def train(cls, texts: list[str], labels: list[str], c: float = 20.0) -> IntentClassifier:
        """Fits the classifier.

        Args:
            texts: Classifier texts, one per example.
            labels: Their intents.
            c: Inverse regularisation strength of the logistic regression.

        Returns:
            The trained classifier.
        """
        features = FeatureUnion(
            [
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                                          sublinear_tf=True, min_df=1)),
                ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2),
                                          token_pattern=r"\S+", sublinear_tf=True)),
            ]
        )  # fmt: skip
        matrix = features.fit_transform(texts)
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(matrix, labels)
        logger.info("trained intent classifier on %d examples", len(texts))
        return cls(features, model)

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Returns (intent, probability) pairs, best first."""
        probabilities = self._model.predict_proba(self._features.transform([text]))[0]
        order = np.argsort(probabilities)[::-1]
        return [(self.labels[index], float(probabilities[index])) for index in order]

    def save(self, path: Path) -> None:
        """Writes the model atomically, so concurrent starts never read half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((self._features, self._model), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> IntentClassifier:
        """Reads a model written by :meth:`save` (our own cache directory only)."""
        with path.open("rb") as stream:
            features, model = pickle.load(stream)  # our own cache file, never user input
        return cls(features, model)
