"""Numbers written with digits ("2", "1.5", "100.000") or Vietnamese words (hai mươi lăm)."""

from __future__ import annotations

import re

from nlu.normalize import fold
from nlu.tokens import Token

_DIGITS: dict[str, int] = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
    "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
# Folded spellings accepted when the message has no diacritics at all.
_FOLDED: dict[str, int] = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
# Only ever the last digit of a number: "hai mốt" is 21, "mốt" alone is the day after tomorrow.
_TRAILING = {"mốt", "lăm", "nhăm"}
_ENGLISH: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
# Folded words a number can start with (any other word starts none): a quick no.
_STARTERS = frozenset({*_ENGLISH, *_FOLDED, "muoi", *(fold(word) for word in _DIGITS)})


def digits_value(text: str) -> float | None:
    """Reads "2", "1.5", "1,5", "100.000" or "1,000,000".

    Args:
        text: A digit token.

    Returns:
        Its value, or None if it is not a plain number.
    """
    try:
        if _THOUSANDS.match(text):
            return float(re.sub(r"[.,]", "", text))
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _word_digit(token: Token, plain: bool) -> int | None:
    """One number word, folded spellings only in messages typed without diacritics."""
    if token.norm in _DIGITS:
        return _DIGITS[token.norm]
    if plain and token.norm == token.fold:
        return _FOLDED.get(token.fold)
    return None


def read_number(tokens: list[Token], index: int, plain: bool) -> tuple[float, int] | None:
    """Reads a number starting at ``tokens[index]``.

    Args:
        tokens: The message's tokens.
        index: Where to start.
        plain: True when the message has no diacritics (folded number words count).

    Returns:
        ``(value, next_index)``, or None when no number starts there.
    """
    token = tokens[index]
    if token.fold not in _STARTERS and not token.is_number:
        return None
    if token.is_number:
        value = digits_value(token.fold)
        return None if value is None else (value, index + 1)
    if token.fold in _ENGLISH and token.fold == token.norm:
        return float(_ENGLISH[token.fold]), index + 1
    if token.norm in {"mười", "muoi"} and (plain or token.norm == "mười"):
        value, pos = 10.0, index + 1
        if pos < len(tokens) and (unit := _word_digit(tokens[pos], plain)) is not None:
            return value + unit, pos + 1
        return value, pos
    first = _word_digit(token, plain)
    if first is None or first == 0 or token.norm in _TRAILING:
        return None
    return _tens(tokens, index + 1, float(first), plain)


def _tens(tokens: list[Token], pos: int, value: float, plain: bool) -> tuple[float, int]:
    """Continues "hai" with "mươi (lăm)" or "trăm" when they follow."""
    if pos < len(tokens) and tokens[pos].fold == "muoi" and tokens[pos].norm != "mười":
        value, pos = value * 10, pos + 1
        if pos < len(tokens) and (unit := _word_digit(tokens[pos], plain)) is not None:
            value, pos = value + unit, pos + 1
    elif pos < len(tokens) and tokens[pos].norm in _TRAILING:
        value, pos = value * 10 + _DIGITS[tokens[pos].norm], pos + 1
    elif pos < len(tokens) and tokens[pos].fold == "tram":
        value, pos = value * 100, pos + 1
    return value, pos
