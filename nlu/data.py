"""Reads training data in Rasa's ``nlu.yml`` format (intents, synonyms, regexes, lookups)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_CATEGORIES = (
    "tea fish_sauce seafood meat poultry eggs fruit wine_liquor beverage mushroom herbal "
    "handicraft noodles rice"
)
CATEGORY_IDS = frozenset(_CATEGORIES.split())


@dataclass(frozen=True, slots=True)
class Example:
    """One training message with its intent."""

    text: str
    intent: str


@dataclass(slots=True)
class TrainingData:
    """Everything in an ``nlu.yml`` file.

    Attributes:
        examples: Intent examples with annotations stripped.
        synonyms: Canonical value -> phrases that mean it.
        regexes: Name -> patterns.
        lookups: Name -> phrases.
        digest: SHA-256 of the file's bytes (the model cache key).
    """

    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    digest: str = ""

    @property
    def intents(self) -> list[str]:
        """Returns the intent names in file order."""
        return list(dict.fromkeys(example.intent for example in self.examples))

    def category_words(self) -> dict[str, str]:
        """Returns phrase -> category id from the synonyms whose value is a category."""
        return {
            phrase: value
            for value, phrases in self.synonyms.items()
            if value in CATEGORY_IDS
            for phrase in [value.replace("_", " "), *phrases]
        }


def strip_annotations(text: str) -> str:
    """Turns ``cho mình [2](quantity) chai`` into ``cho mình 2 chai``."""
    return _ANNOTATION.sub(lambda match: match.group(1), text)


def _lines(block: str | None) -> list[str]:
    """Reads a Rasa ``examples: |`` block of ``- item`` lines."""
    items = []
    for line in (block or "").splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            items.append(stripped[2:].strip())
    return items


def load_training_data(path: Path) -> TrainingData:
    """Parses a Rasa ``nlu.yml`` file.

    Args:
        path: The file.

    Returns:
        Examples, synonyms, regexes and lookups, with the file's digest.
    """
    raw = path.read_bytes()
    document = yaml.safe_load(raw.decode("utf-8")) or {}
    data = TrainingData(digest=hashlib.sha256(raw).hexdigest())
    for block in document.get("nlu") or []:
        items = _lines(block.get("examples"))
        if "intent" in block:
            intent = str(block["intent"])
            data.examples.extend(Example(strip_annotations(item), intent) for item in items)
        elif "synonym" in block:
            data.synonyms.setdefault(str(block["synonym"]), []).extend(items)
        elif "regex" in block:
            data.regexes.setdefault(str(block["regex"]), []).extend(items)
        elif "lookup" in block:
            data.lookups.setdefault(str(block["lookup"]), []).extend(items)
    return data
