"""Prices in VND: "dưới 300k", "200 nghìn", "1tr5", "từ 100k đến 500k", "under 500k"."""

from __future__ import annotations

from nlu.found import Found, free, number_value, take
from nlu.numbers import read_number
from nlu.tokens import Token

_MAGNITUDE = {
    "k": 1e3, "nghin": 1e3, "ngan": 1e3, "ng": 1e3, "thousand": 1e3, "trieu": 1e6,
    "tr": 1e6, "cu": 1e6, "m": 1e6, "million": 1e6, "ty": 1e9,
}  # fmt: skip
_CURRENCY = {"d", "vnd", "dong", "vnđ"}
_MAX = [("duoi",), ("toi", "da"), ("khong", "qua"), ("max",), ("under",), ("below",),
        ("less", "than"), ("up", "to"), ("re", "hon"), ("it", "hon"), ("<",), ("khoang",),
        ("tam",), ("around",), ("about",), ("budget",), ("ngan", "sach"), ("within",)]  # fmt: skip
_MIN = [("tren",), ("hon",), ("it", "nhat"), ("toi", "thieu"), ("over",), ("above",),
        ("more", "than"), ("at", "least"), (">",), ("tu",), ("from",), ("min",)]  # fmt: skip
_RANGE = {"den", "toi", "-", "to", "and", "~", "va"}


def _amount(tokens: list[Token], index: int, plain: bool) -> tuple[float, int, float] | None:
    """Reads an amount: ``(value, next_index, multiplier)``; multiplier 0 when bare."""
    number = read_number(tokens, index, plain)
    after = tokens[index + 1].fold if index + 1 < len(tokens) else ""
    if number is None and tokens[index].fold == "nua" and after in _MAGNITUDE:
        number = (0.5, index + 1)  # "nửa triệu"
    if number is None:
        return None
    value, pos = number
    if pos < len(tokens) and tokens[pos].fold == "tram" and tokens[index].is_number:
        value, pos = value * 100, pos + 1
    hundreds = 100 <= value < 1000 and value % 100 == 0 and tokens[pos - 1].fold == "tram"
    if hundreds and pos < len(tokens) and tokens[pos].fold == "ruoi":
        value, pos = value + 50, pos + 1  # "ba trăm rưỡi" is 350
    multiplier = 0.0
    if pos < len(tokens) and tokens[pos].fold in _MAGNITUDE:
        multiplier = _MAGNITUDE[tokens[pos].fold]
        pos += 1
        tail = tokens[pos].fold if pos < len(tokens) else ""
        if multiplier >= 1e6 and tail.isdigit() and len(tail) <= 3:
            value, pos = value + int(tail) / 10 ** len(tail), pos + 1
        elif tail == "ruoi":
            value, pos = value + 0.5, pos + 1
        value *= multiplier
    if pos < len(tokens) and tokens[pos].fold in _CURRENCY:
        multiplier, pos = multiplier or 1.0, pos + 1
    return value, pos, multiplier


def _cue(tokens: list[Token], index: int, cues: list[tuple[str, ...]]) -> bool:
    """Tells whether one of the cue phrases ends right before ``tokens[index]``."""
    for cue in cues:
        begin = index - len(cue)
        if begin >= 0 and tuple(token.fold for token in tokens[begin:index]) == cue:
            return True
    return False


def find_prices(tokens: list[Token], taken: list[bool], plain: bool) -> list[Found]:
    """Finds price bounds and marks their tokens as used.

    Args:
        tokens: The message's tokens.
        taken: Which tokens earlier extractors used; updated in place.
        plain: True when the message has no diacritics.

    Returns:
        ``price_max`` / ``price_min`` entities.
    """
    found: list[Found] = []
    index = 0
    while index < len(tokens):
        amount = _amount(tokens, index, plain) if not taken[index] else None
        if amount is None:
            index += 1
            continue
        value, pos, multiplier = amount
        upper = None
        if pos + 1 < len(tokens) and tokens[pos].fold in _RANGE:
            upper = _amount(tokens, pos + 1, plain)
        if upper is not None and upper[2] and free(taken, index, upper[1]):
            low = value * upper[2] if not multiplier and value < 1000 else value
            found.append(Found("price_min", number_value(low), index, pos))
            found.append(Found("price_max", number_value(upper[0]), pos + 1, upper[1]))
            take(taken, index, upper[1])
            index = upper[1]
            continue
        cued = _cue(tokens, index, _MAX + _MIN)
        hundreds = 100 <= value < 1000 and tokens[pos - 1].fold in {"tram", "ruoi"}
        if not multiplier and hundreds and cued and pos > index + 1:
            value, multiplier = value * 1000, 1000.0  # "tầm ba trăm rưỡi": thousands unsaid
        priced = multiplier or (value >= 1000 and cued)
        if priced and free(taken, index, pos):
            is_min = _cue(tokens, index, _MIN) and not _cue(tokens, index, _MAX)
            found.append(Found("price_min" if is_min else "price_max", number_value(value),
                               index, pos))  # fmt: skip
            take(taken, index, pos)
            index = pos
            continue
        index += 1
    return found
