"""Tokens of a normalised message, each tied to its span of the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.normalize import NormText

# A number keeps its separators ("100.000", "1,5"); letters and digits split ("2chai").
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number or symbol.

    Attributes:
        norm: Normalised form (lowercase NFC, canonical tones).
        fold: Diacritic-free form, used for matching.
        start: Start offset in the original text.
        end: End offset in the original text.
        expanded: True when teencode expansion produced this token.
    """

    norm: str
    fold: str
    start: int
    end: int
    expanded: bool = False

    @property
    def is_number(self) -> bool:
        """Tells whether the token is written with digits."""
        return self.fold[:1].isdigit()

    @property
    def is_word(self) -> bool:
        """Tells whether the token is made of letters."""
        return self.fold.isalpha()

    def as_expansion(self, norm: str, fold: str) -> Token:
        """Returns a teencode expansion of this token over the same span."""
        return Token(norm, fold, self.start, self.end, True)


def tokenize(text: NormText) -> list[Token]:
    """Splits a normalised message into tokens.

    Args:
        text: The normalised message.

    Returns:
        Tokens in order, with offsets into the original text.
    """
    tokens = []
    for match in _TOKEN.finditer(text.fold):
        begin, end = match.span()
        start, stop = text.span(begin, end)
        tokens.append(Token(text.norm[begin:end], match.group(0), start, stop))
    return tokens
