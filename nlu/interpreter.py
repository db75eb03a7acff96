"""The in-process NLU: parse a message into intent, ranking and entities."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlu.classifier import FEATURE_VERSION, IntentClassifier
from nlu.data import TrainingData, load_training_data
from nlu.extract import EntityExtractor
from nlu.language import LanguageGuess
from nlu.lexicon import CatalogLexicon
from nlu.pipeline import analyse
from nlu.result import empty_result, parse_result

logger = logging.getLogger(__name__)

DEFAULT_TRAINING_FILE = Path(__file__).parent / "data" / "nlu.yml"
MAX_CHARS = 4096
# Hand-written examples count this many times a generated one: they are few, short and varied.
WRITTEN_WEIGHT = 3.0
# How many recent messages' parses are kept (about 1 MB); past this the memory starts over.
RECENT_MESSAGES = 512
# Intent ranking (None for text without words), entities, language and its evidence.
Understood = tuple[list[tuple[str, float]] | None, list[dict[str, Any]], LanguageGuess]


def build_extractor(lexicon: CatalogLexicon, data: TrainingData) -> EntityExtractor:
    """Builds the entity extractor from the catalog and the training data's lists."""
    return EntityExtractor(lexicon, data.category_words(), data.lookups.get("near_me", []))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of the package's own code: a changed extractor or feature never reuses a cache."""
    folder = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_key(lexicon: CatalogLexicon, data: TrainingData | str) -> str:
    """Returns the cache key: training data (or its digest), catalog names, code version."""
    digest = data if isinstance(data, str) else data.digest
    payload = f"{digest}:{lexicon.fingerprint()}:{FEATURE_VERSION}:{code_digest()}"
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def train_classifier(extractor: EntityExtractor, data: TrainingData) -> IntentClassifier:
    """Trains the intent classifier on the training data's examples."""
    texts = [analyse(extractor, example.text).features for example in data.examples]
    weights = [WRITTEN_WEIGHT if example.written else 1.0 for example in data.examples]
    return IntentClassifier.train(texts, [example.intent for example in data.examples], weights)


def _save(path: Path, extractor: EntityExtractor) -> None:
    """Caches the built extractor next to the model (same key), written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump(extractor, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def _load_extractor(path: Path) -> EntityExtractor:
    """Reads an extractor written by :func:`_save` (our own cache directory)."""
    with path.open("rb") as stream:
        extractor = pickle.load(stream)
    if not isinstance(extractor, EntityExtractor):
        raise TypeError(f"{path} does not hold an entity extractor")
    return extractor


class Interpreter:
    """Understands one message at a time; safe to share between coroutines.

    Args:
        extractor: Entity extractor.
        classifier: Trained intent classifier.
        threshold: Below this confidence the intent becomes ``out_of_scope``.
    """

    def __init__(
        self, extractor: EntityExtractor, classifier: IntentClassifier, threshold: float = 0.45
    ) -> None:
        self._extractor = extractor
        self._classifier = classifier
        self.threshold = threshold
        # Recent messages' understanding: "ok", "cảm ơn", a button label typed out, or the
        # same question from many people during a fair are understood once.
        self._recent: dict[str, Understood] = {}

    @classmethod
    def load(
        cls,
        lexicon: CatalogLexicon,
        model_dir: Path,
        *,
        threshold: float = 0.45,
        training_file: Path | None = None,
    ) -> Interpreter:
        """Loads the cached model for the current data, training and caching it if missing.

        Args:
            lexicon: Catalog names to recognise.
            model_dir: Directory of cached models (created if needed).
            threshold: Confidence below which the intent becomes ``out_of_scope``.
            training_file: Rasa ``nlu.yml``; defaults to the package's ``data/nlu.yml``.

        Returns:
            A ready interpreter.
        """
        source = Path(training_file or DEFAULT_TRAINING_FILE)
        key = model_key(lexicon, hashlib.sha256(source.read_bytes()).hexdigest())
        path = Path(model_dir) / f"intent-{key}.pkl"
        built = Path(model_dir) / f"extractor-{key}.pkl"
        classifier = extractor = None
        if path.exists():
            try:
                classifier = IntentClassifier.load(path)
                extractor = _load_extractor(built) if built.exists() else None
            except Exception:  # a corrupt or incompatible cache is rebuilt, never fatal
                logger.warning("cached NLU model %s unreadable; retraining", path, exc_info=True)
                classifier = extractor = None
        if extractor is None:
            data = load_training_data(source)
            extractor = build_extractor(lexicon, data)
            _save(built, extractor)
            if classifier is None:
                classifier = train_classifier(extractor, data)
                classifier.save(path)
                logger.info("cached NLU model at %s", path)
        return cls(extractor, classifier, threshold)

    def parse(self, text: str) -> dict[str, Any]:
        """Parses one message.

        Args:
            text: The message as typed.

        Returns:
            Rasa's ``/model/parse`` shape plus ``language`` and ``language_evidence``;
            ``out_of_scope`` for empty or unreadable input, and an ``error`` key for text
            over ``MAX_CHARS``.
        """
        text = text if isinstance(text, str) else ("" if text is None else str(text))
        if len(text) > MAX_CHARS:
            return empty_result(text, confidence=0.0,
                                error=f"text longer than {MAX_CHARS} characters")  # fmt: skip
        understood = self._recent.get(text)
        if understood is None:
            try:
                understood = self._understand(text)
            except Exception:  # parsing must never take the bot down
                logger.exception("NLU failed on a message of %d characters", len(text))
                return empty_result(text, confidence=0.0, error="internal error")
            if len(self._recent) >= RECENT_MESSAGES:
                self._recent.clear()
            self._recent[text] = understood
        ranking, entities, language = understood
        if ranking is None:
            return empty_result(text, language)
        entities = [dict(entity) for entity in entities]  # the caller may change its copy
        return parse_result(text, ranking, entities, language, self.threshold)

    def _understand(self, text: str) -> Understood:
        """Ranks the intents and finds the entities; no ranking when there are no words."""
        analysis = analyse(self._extractor, text)
        if not analysis.has_words:
            return None, [], analysis.language
        entities = [item.to_dict(analysis.tokens) for item in analysis.found
                    if not item.entity.startswith("_")]  # fmt: skip
        return self._classifier.rank(analysis.features), entities, analysis.language

    async def parse_async(self, text: str) -> dict[str, Any]:
        """Parses one message (a few milliseconds of CPU, so it runs inline)."""
        return self.parse(text)
