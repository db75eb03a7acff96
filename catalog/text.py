"""Diacritics-insensitive text keys for searching Vietnamese names on any database."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=8192)  # names are folded again on every message that mentions them
def fold(text: str) -> str:
    """Folds text to lower-case ASCII words separated by single spaces.

    Args:
        text: any text, e.g. "Miến dong Bình Liêu".

    Returns:
        The folded text, e.g. "mien dong binh lieu".
    """
    lowered = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


def search_key(names: Iterable[str | None]) -> str:
    """Builds the stored search column: folded names, each word preceded by a space.

    Word-prefix matching then needs only ``LIKE '% word%'``, which SQLite and PostgreSQL
    both support.
    """
    words: list[str] = []
    for name in names:
        if name:
            words.extend(fold(name).split())
    return " " + " ".join(words) + " "
