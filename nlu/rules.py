"""Rule extractors: phone numbers, order ids, stars, quantities with units, "near me"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlu.found import Found, free, number_value, take
from nlu.normalize import NormText
from nlu.numbers import read_number
from nlu.tokens import Token

_PHONE = re.compile(r"(?<![\w+])(?:\+\s?84|84|0)[\s.\-]?(?:\d[\s.\-]?){8}\d(?!\d)")
_ORDER = re.compile(
    r"(?:#\s?|(?:ma\s+don(?:\s+hang)?|don\s+hang|don|order|ma)\s*(?:so\s*|#\s*|no\.?\s*|:\s*)?)"
    r"(?P<id>[a-z]{0,4}-?\d{2,}(?:-\d+)*)(?![\w])(?!\s*(?:chai|hop|goi|hu|lo|tui|kg|bottle|box))"
)
_UNITS = {
    "chai": "chai", "hop": "hop", "goi": "goi", "hu": "hu", "lo": "lo", "tui": "tui",
    "kg": "kg", "kgs": "kg", "ki": "kg", "ky": "kg", "kilo": "kg", "kilos": "kg", "can": "kg",
    "lang": "lang", "con": "con", "qua": "qua", "trai": "qua", "bottle": "chai",
    "bottles": "chai", "box": "hop", "boxes": "hop", "pack": "goi", "packs": "goi",
    "packet": "goi", "packets": "goi", "jar": "hu", "jars": "hu", "bag": "tui", "bags": "tui",
    "bo": "bo", "loc": "loc", "thung": "thung", "carton": "thung", "cartons": "thung",
    "bunch": "bo", "bunches": "bo",
}  # fmt: skip
# Units that need their diacritics in a message typed with them ("gọi" is not "gói",
# "bộ" is not "bó"); a unit typed without any diacritics is always accepted.
_ACCENTED_UNITS = {
    "bo": {"bó"}, "loc": {"lốc"}, "thung": {"thùng"}, "can": {"cân"}, "lang": {"lạng"},
    "qua": {"quả"}, "hu": {"hũ", "hủ"}, "lo": {"lọ"}, "hop": {"hộp"}, "goi": {"gói"},
    "tui": {"túi"}, "ky": {"ký"}, "ki": {"kí"}, "trai": {"trái"}, "con": {"con"},
}  # fmt: skip
# "gói" followed by these is the verb, to wrap ("gói giấy đỏ giúp mình").
_WRAPPING = {"giay", "qua", "lai", "can", "ky", "giup", "ho", "kin", "cho", "bang", "thanh"}
_STANDALONE = {"chai", "hộp", "gói", "hũ", "lọ", "túi", "kg", "bottle", "bottles", "box",
               "jar", "jars"}  # fmt: skip
_STARS = {"sao", "star", "stars", "*"}
# A bare number followed by these counts days, people or hours, not goods.
_NOT_GOODS = {"ngay", "dem", "nguoi", "tuoi", "gio", "phut", "thang", "nam", "km", "tieng",
              "lan", "buoi", "tuan", "day", "days", "night", "nights", "people", "pax", "hour",
              "hours", "week", "weeks", "h", "m", "sao", "star", "stars", "%"}  # fmt: skip
# A bare number after these is part of an address or a list choice.
_ADDRESS = {"so", "nha", "duong", "pho", "ngo", "hem", "kiet", "to", "khu", "phong", "thon",
            "xom", "no", "number", "lo", "can", "tang", "chi", "lop", "thu", "is", "aged",
            "room", "quan", "phuong", "ngach", "km", "tuyen", "ban", "/", ":", "o",
            "tai"}  # fmt: skip
# Words after a count that say it is not an amount of goods ("nhà có 2 đứa nhỏ").
_NOT_GOODS_EXTRA = {
    "dua", "be", "chau", "cu", "ong", "ba", "anh", "chi", "em", "ban", "khach", "nhan", "suat",
    "mam", "nam", "lan", "doan", "xe", "phong", "ve", "g", "year", "years", "kids", "children",
    "adults", "persons", "mins", "minutes", "cho", "/", "-", ":", "hour", "hours", "seat",
    "seats", "seater",
}  # fmt: skip


def unit_of(token: Token) -> str | None:
    """Returns the canonical unit a token names, if any ("bộ" is not "bó")."""
    accented = _ACCENTED_UNITS.get(token.fold)
    if accented and token.norm != token.fold and token.norm not in accented:
        return None
    return _UNITS.get(token.fold)


def _covering(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """Returns the token range covering original offsets ``[start, end)``."""
    inside = [index for index, token in enumerate(tokens) if token.start >= start
              and token.end <= end]  # fmt: skip
    return (inside[0], inside[-1] + 1) if inside else None


def find_phones_and_orders(text: NormText, tokens: list[Token], taken: list[bool]) -> list[Found]:
    """Finds Vietnamese mobile numbers (as 0xxxxxxxxx) and order ids."""
    found: list[Found] = []
    for match in _PHONE.finditer(text.fold):
        digits = re.sub(r"\D", "", match.group(0))
        digits = "0" + digits[2:] if digits.startswith("84") else digits
        span = _covering(tokens, *text.span(*match.span()))
        if len(digits) == 10 and digits[1] in "35789" and span and free(taken, *span):
            found.append(Found("phone", digits, *span))
            take(taken, *span)
    for match in _ORDER.finditer(text.fold):
        span = _covering(tokens, *text.span(*match.span("id")))
        if span and free(taken, *span):
            found.append(Found("order_id", match.group("id").upper(), *span))
            take(taken, *span)
    return found


def find_stars(tokens: list[Token], taken: list[bool], plain: bool) -> list[Found]:
    """Finds star ratings: "5 sao", "năm sao", "5-star", "4*"."""
    found: list[Found] = []
    for index in range(len(tokens)):
        number = None if taken[index] else read_number(tokens, index, plain)
        if number is None:
            continue
        value, pos = number
        if pos + 1 < len(tokens) and tokens[pos].fold == "-":
            pos += 1
        is_star = pos < len(tokens) and tokens[pos].fold in _STARS
        if is_star and value in (3, 4, 5) and free(taken, index, pos + 1):
            found.append(Found("stars", int(value), index, pos + 1))
            take(taken, index, pos + 1)
    return found


def find_quantities(
    tokens: list[Token], taken: list[bool], plain: bool, product_starts: set[int]
) -> list[Found]:
    """Finds quantities with or without a unit ("2 chai", "một chục", "nửa kg", "3")."""
    found: list[Found] = []
    for index, token in enumerate(tokens):
        if taken[index]:
            continue
        # Folded number words count in a message typed without accents, or before a unit.
        unit_next = index + 1 < len(tokens) and unit_of(tokens[index + 1]) is not None
        loose = plain or (unit_next and token.norm == token.fold)
        half = token.norm == "nửa" or (loose and token.fold == "nua")
        number = (0.5, index + 1) if half else read_number(tokens, index, loose)
        if number is None:
            continue
        value, pos = number
        if pos < len(tokens) and tokens[pos].fold == "chuc":
            value, pos = value * 10, pos + 1
        unit = unit_of(tokens[pos]) if pos < len(tokens) and not taken[pos] else None
        following = tokens[pos].fold if pos < len(tokens) else ""
        preceding = tokens[index - 1].fold if index > 0 else ""
        glued = pos < len(tokens) and tokens[pos].start == tokens[pos - 1].end and unit is None
        bare_ok = (token.is_number and 0 < value <= 1000 and not half and not glued
                   and following not in _NOT_GOODS and following not in _NOT_GOODS_EXTRA
                   and preceding not in _ADDRESS)  # fmt: skip
        article = token.fold in {"a", "an"}
        if unit is None and (article or not (bare_ok or pos in product_starts or pos > index + 1)):
            continue
        if not free(taken, index, pos) or value <= 0:
            continue
        end = pos + 1 if unit is not None else pos
        if end < len(tokens) and tokens[end].fold == "ruoi" and not taken[end]:
            value, end = value + 0.5, end + 1  # "một cân rưỡi" is 1.5 kg
        found.append(Found("quantity", number_value(value), index, pos))
        take(taken, index, end)
        if unit is not None:
            found.append(Found("unit", unit, pos, pos + 1))
    for index, token in enumerate(tokens):
        following = tokens[index + 1].fold if index + 1 < len(tokens) else ""
        packing = (index > 0 and tokens[index - 1].fold in {"dong", "bao"}) or (
            token.fold == "goi" and following in _WRAPPING)  # "đóng gói", "gói giấy đỏ"
        if not taken[index] and token.norm in _STANDALONE and not packing:
            found.append(Found("unit", _UNITS[token.fold], index, index + 1))
            take(taken, index, index + 1)
    return found


def find_phrases(
    tokens: list[Token], taken: list[bool], entity: str, phrases: Iterable[tuple[str, ...]]
) -> list[Found]:
    """Finds fixed phrases (e.g. the ``near_me`` lookup) with value True."""
    found: list[Found] = []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    words = [token.fold for token in tokens]
    for index, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            end = index + len(phrase)
            if tuple(words[index:end]) == phrase and free(taken, index, end):
                found.append(Found(entity, True, index, end))
                take(taken, index, end)
                break
    return found
