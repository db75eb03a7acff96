"""Numbered options: how a channel without buttons shows them, and how a typed answer
("2", "số 2", "hai", "cái thứ 2", "the second one") is read back as the number of the option
it picks."""

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
_PREFIXES = ("chọn", "chon", "số", "so", "cái", "cai", "option", "#", "the", "number")
# Things an ordinal counts, in front of "thứ": "cái thứ 2", "loại thứ hai", "sp thứ 3". A bare
# "thứ 2" is Monday, so "thứ" counts only after one of these.
_COUNTED = ("cái", "cai", "loại", "loai", "con", "chiếc", "chiec", "món", "mon", "số", "so", "sp")
_NTH = ("thứ", "thu")
# Words after the choice that add nothing: "the second one", "cái thứ 2 nhé", "số 2 ạ".
_SUFFIXES = ("one", "please", "pls", "ạ", "nhé", "nhe", "nha", "đi", "di", "ấy")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
}  # fmt: skip
# After "thứ", 1 and 4 have words of their own: "cái thứ nhất", "loại thứ tư".
_NTH_WORDS = {**_WORDS, "nhất": 1, "nhat": 1, "tư": 4, "tu": 4}
_TRAILING = re.compile(r"[\s.,!?)]+$")
_WORD = re.compile(r"\w+")
# Longer messages say more than which one ("cho mình 2 chai loại thứ 2 giao về Hạ Long").
MAX_ORDINAL_WORDS = 8


def option_number(text: str | None) -> int | None:
    """Reads a typed option choice.

    Args:
        text: what the person typed, e.g. "2", "2.", "số 2", "so hai", "một", "cái thứ 2 nhé",
            "the second one".

    Returns:
        The option number (1-based), or None when the text is not just a choice.
    """
    return _read_choice(text)[0]


def ordinal_number(text: str | None) -> int | None:
    """Reads a choice said as an ordinal: "cái thứ 2", "còn loại thứ ba thì sao", "what about
    the second one?".

    Unlike "2", "số 2" or "hai", an ordinal never counts how many: at "how many?" it still
    picks the second of a list. Inside a longer message it counts only after a word it counts
    ("cái", "loại") or as "the second one"; a bare "thứ 2" is Monday.

    Args:
        text: what the person typed.

    Returns:
        The ordinal (1-based), or None when a short message says none.
    """
    number, ordinal = _read_choice(text)
    if ordinal:
        return number
    words = _WORD.findall(unicodedata.normalize("NFC", text or "").casefold())
    if len(words) > MAX_ORDINAL_WORDS:
        return None
    for at, word in enumerate(words):
        after = words[at + 1 : at + 3]
        if word in _COUNTED and len(after) == 2 and after[0] in _NTH:
            number = after[1]
            found = (
                int(number) if number.isascii() and number.isdigit() else _NTH_WORDS.get(number)
            )
            if found:
                return found
        if word == "the" and after and after[0] in _ORDINALS and after[1:] in ([], ["one"]):
            return _ORDINALS[after[0]]
    return None


def _read_choice(text: str | None) -> tuple[int | None, bool]:
    """The option number a text picks, and whether it was said as an ordinal."""
    if not text:
        return None, False
    words = _TRAILING.sub("", unicodedata.normalize("NFC", text).casefold().strip())
    words = words.replace("#", "# ").split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    counted = False
    while len(words) > 1 and (
        words[0] in _PREFIXES or (words[0] in _COUNTED and words[1] in _NTH)
    ):
        counted = counted or words[0] in _COUNTED
        words = words[1:]
    nth = counted and len(words) == 2 and words[0] in _NTH
    if nth:
        words = words[1:]
    if len(words) != 1:
        return None, False
    word = words[0]
    if nth:
        return (int(word) if word.isascii() and word.isdigit() else _NTH_WORDS.get(word)), True
    if word.isascii() and word.isdigit():
        return int(word), False
    if word in _ORDINALS:
        return _ORDINALS[word], True
    return _WORDS.get(word), False


def option_lines(buttons: tuple[Button, ...] | list[Button], first: int = 1) -> list[str]:
    """Numbers button titles for a text-only channel: ["1. Quy Hoa", "2. Ba Chẽ"].

    Args:
        buttons: the buttons, in the order the engine remembers their payloads.
        first: the number of the first one (options continue across replies).

    Returns:
        One line per button.
    """
    return [f"{number}. {b.title}" for number, b in enumerate(buttons, start=first)]
