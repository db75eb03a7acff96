"""Numbered options: how a channel without buttons shows them, and how a typed answer
("2", "số 2", "hai") is read back as the number of the option it picks."""

from __future__ import annotations

import re
import unicodedata

from bot.core.messages import Button

# Vietnamese number words, with and without diacritics (people type both); not "sau",
# which alone usually means "next".
_WORDS = {
    "một": 1, "mot": 1, "hai": 2, "ba": 3, "bốn": 4, "bon": 4,
    "năm": 5, "nam": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "bay": 7,
    "tám": 8, "tam": 8, "chín": 9, "chin": 9, "mười": 10, "muoi": 10,
}  # fmt: skip
# Words people put in front of the number: "số 2", "chọn số 2", "cái 2", "option 2".
_PREFIXES = ("chọn", "chon", "số", "so", "cái", "cai", "option", "#")
_TRAILING = re.compile(r"[\s.,!)]+$")


def option_number(text: str | None) -> int | None:
    """Reads a typed option choice.

    Args:
        text: what the person typed, e.g. "2", "2.", "số 2", "so hai", "một".

    Returns:
        The option number (1-based), or None when the text is not just a choice.
    """
    if not text:
        return None
    words = _TRAILING.sub("", unicodedata.normalize("NFC", text).casefold().strip())
    words = words.replace("#", "# ").split()
    while len(words) > 1 and words[0] in _PREFIXES:
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0]
    if word.isascii() and word.isdigit():
        return int(word)
    return _WORDS.get(word)


def option_lines(buttons: tuple[Button, ...] | list[Button], first: int = 1) -> list[str]:
    """Numbers button titles for a text-only channel: ["1. Quy Hoa", "2. Ba Chẽ"].

    Args:
        buttons: the buttons, in the order the engine remembers their payloads.
        first: the number of the first one (options continue across replies).

    Returns:
        One line per button.
    """
    return [f"{number}. {b.title}" for number, b in enumerate(buttons, start=first)]
