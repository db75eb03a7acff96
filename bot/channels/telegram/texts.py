"""The adapter's own bilingual texts, read from texts.yaml next to this module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TEXTS_FILE = Path(__file__).with_name("texts.yaml")
DEFAULT_LANGUAGE = "vi"


def pick_language(language_code: str | None) -> str:
    """Maps Telegram's language_code to one of our catalogs: Vietnamese, else English."""
    if not language_code:
        return DEFAULT_LANGUAGE
    return "vi" if language_code.lower().startswith("vi") else "en"


@dataclass(frozen=True, slots=True)
class TelegramTexts:
    """Looks up the adapter's sentences by key and language."""

    catalogs: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, path: Path = TEXTS_FILE) -> TelegramTexts:
        """Reads the catalogs from a YAML file of {language: {key: text}}."""
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.catalogs)

    def get(self, key: str, language_code: str | None = None) -> str:
        """Returns the text for a key in the user's language (Vietnamese by default)."""
        catalog = self.catalogs.get(pick_language(language_code), self.catalogs[DEFAULT_LANGUAGE])
        return str(catalog[key])

    def commands(self, language: str) -> dict[str, str]:
        """Returns the command menu {command: description} for one language."""
        return {str(k): str(v) for k, v in self.catalogs[language]["commands"].items()}
