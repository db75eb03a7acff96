"""Message catalogs: every sentence the bot says, in Vietnamese and English."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

logger = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LOCALES = Path(__file__).with_name("locales")


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


class I18n:
    """Looks sentences up by key and fills their {placeholders}."""

    def __init__(self, catalogs: dict[str, dict[str, str]]) -> None:
        self.catalogs = catalogs

    @classmethod
    def load(cls, directory: Path = LOCALES) -> I18n:
        """Reads `<lang>.yaml` and every `<topic>.<lang>.yaml` (e.g. orders.vi.yaml).

        Topic files let each feature keep its own sentences; a key defined twice for one
        language is an error, so two files can never silently disagree.
        """
        catalogs: dict[str, dict[str, str]] = {}
        for lang in LANGUAGES:
            merged: dict[str, str] = {}
            paths = [directory / f"{lang}.yaml", *sorted(directory.glob(f"*.{lang}.yaml"))]
            for path in paths:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                for key, value in data.items():
                    if str(key) in merged:
                        raise ValueError(f"{path.name}: key {key} is already defined")
                    merged[str(key)] = str(value).rstrip("\n")
            catalogs[lang] = merged
        return cls(catalogs)

    def t(self, lang: str | None, key: str, /, **params: Any) -> str:
        """Returns the sentence `key` in `lang`, with `params` filled in.

        Args:
            lang: "vi" or "en"; anything else falls back to Vietnamese.
            key: the catalog key, e.g. "product.price_unknown".
            params: values for the sentence's {placeholders}; a missing one renders empty.

        Returns:
            The sentence; the key itself if no catalog has it (and a warning is logged).
        """
        catalog = self.catalogs.get(lang or DEFAULT_LANGUAGE) or self.catalogs[DEFAULT_LANGUAGE]
        template = catalog.get(key) or self.catalogs[DEFAULT_LANGUAGE].get(key)
        if template is None:
            logger.warning("i18n: no sentence for key %s", key)
            return key
        return template.format_map(_Blank(params))

    def has(self, lang: str, key: str) -> bool:
        return key in self.catalogs.get(lang, {})
