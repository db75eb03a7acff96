"""Text normalisation that keeps every character mapped back to the original text.

The normalised form is NFC, lowercase, with one tone-mark placement (hoà -> hòa,
thuỷ -> thủy); the folded form has no diacritics at all (đ -> d). Both have exactly one
character per character cluster of the original, so offsets found on either form map
back to the text the user typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nlu.tones import place_tone

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class NormText:
    """A message in normalised and folded form, with offsets into the original.

    Attributes:
        original: The text as received.
        norm: NFC, lowercase, canonical tone placement, control characters as spaces.
        fold: ``norm`` without diacritics; same length as ``norm``.
        starts: For each character of ``norm``, its start offset in ``original``.
        ends: For each character of ``norm``, its end offset in ``original``.
    """

    original: str
    norm: str
    fold: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, begin: int, end: int) -> tuple[int, int]:
        """Maps a ``[begin, end)`` range of ``norm``/``fold`` to the original text."""
        return self.starts[begin], self.ends[end - 1]


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Returns one character without diacritics (đ -> d, ệ -> e)."""
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[:1]
    return base or char


def fold(text: str) -> str:
    """Removes diacritics from already normalised text, one character for one."""
    return text if text.isascii() else "".join(map(fold_char, text))


def _clusters(text: str) -> list[tuple[int, int]]:
    """Splits text into base character + following combining marks."""
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if spans and unicodedata.combining(char):
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans


@lru_cache(maxsize=4096)
def _one_char(cluster: str) -> str:
    """Normalises one cluster to a single lowercase NFC character."""
    if unicodedata.category(cluster[0]) in {"Cc", "Cf", "Zl", "Zp", "Zs"}:
        return " "
    composed = unicodedata.normalize("NFC", cluster).lower()
    if len(composed) != 1:
        composed = unicodedata.normalize("NFC", composed)
    return composed[:1] or " "


def normalize(text: str) -> NormText:
    """Normalises a message for matching and classification.

    Args:
        text: The message as the user typed it.

    Returns:
        The normalised and folded forms with offsets into ``text``.
    """
    if any(map(unicodedata.combining, text)):
        clusters = _clusters(text)
        norm = "".join([_one_char(text[begin:end]) for begin, end in clusters])
        starts, ends = tuple(begin for begin, _ in clusters), tuple(end for _, end in clusters)
    else:  # the usual case: every character is a cluster of its own
        norm = "".join(map(_one_char, text))
        starts, ends = tuple(range(len(text))), tuple(range(1, len(text) + 1))
    if not norm.isascii():  # only letters with a tone mark can need it moved
        norm = _WORD.sub(lambda match: place_tone(match.group(0)), norm)
    return NormText(original=text, norm=norm, fold=fold(norm), starts=starts, ends=ends)


def has_diacritics(text: str) -> bool:
    """Tells whether normalised text carries any Vietnamese diacritic."""
    return fold(text) != text
