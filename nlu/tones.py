"""One tone-mark placement for Vietnamese syllables (hoà -> hòa, thuỷ -> thủy, quý stays)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_HATTED = set("ăâêôơư")
_VOWELS = set("aăâeêioôơuưy")


def _split(char: str) -> tuple[str, str]:
    """Splits a character into its toneless form and its tone mark ('' if none)."""
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(mark for mark in parts if mark in _TONES)
    bare = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in _TONES))
    return bare, tone


def _vowel_run(letters: list[str]) -> tuple[int, int]:
    """Finds the syllable's vowel nucleus, skipping the u of qu- and the i of gi-."""
    start = 0
    while start < len(letters) and letters[start] not in _VOWELS:
        start += 1
    if start >= len(letters):
        return start, start
    after_q = start > 0 and letters[start - 1] == "q" and letters[start] == "u"
    if after_q or (
        start == 1
        and letters[0] == "g"
        and letters[start] == "i"
        and start + 1 < len(letters)
        and letters[start + 1] in _VOWELS
    ):
        start += 1
    end = start
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    return start, end


def _target(letters: list[str], start: int, end: int) -> int:
    """Chooses the vowel that carries the tone (the classic placement)."""
    hatted = [index for index in range(start, end) if letters[index] in _HATTED]
    if hatted:
        return hatted[-1]
    count = end - start
    if count == 1:
        return start
    if count == 2:
        return start if end == len(letters) else start + 1
    return start + 1


@lru_cache(maxsize=8192)
def place_tone(word: str) -> str:
    """Moves a syllable's tone mark to its canonical vowel, keeping the length.

    Args:
        word: One lowercase NFC word of letters.

    Returns:
        The word with its tone on the canonical vowel; unchanged if it has no tone,
        more than one tone, or does not look like a Vietnamese syllable.
    """
    if len(word) > 7 or not any(char in _TONES for char in unicodedata.normalize("NFD", word)):
        return word
    split = [_split(char) for char in word]
    tones = [tone for _, tone in split if tone]
    if len(tones) != 1 or any(len(bare) != 1 for bare, _ in split):
        return word
    letters = [bare for bare, _ in split]
    start, end = _vowel_run(letters)
    if start >= end or any(letter in _VOWELS for letter in letters[end:]):
        return word
    target = _target(letters, start, end)
    letters[target] = unicodedata.normalize("NFC", letters[target] + tones[0])
    return "".join(letters) if all(len(char) == 1 for char in letters) else word
