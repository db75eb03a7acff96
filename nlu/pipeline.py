"""The shared front half of training and parsing: normalise, tokenize, expand, extract."""

from __future__ import annotations

from dataclasses import dataclass

from nlu.extract import EntityExtractor, classifier_text
from nlu.found import Found
from nlu.language import LanguageGuess, detect_language
from nlu.normalize import NormText, normalize
from nlu.teencode import expand
from nlu.tokens import Token, tokenize

_NAMES = {"product", "category", "location", "_elsewhere"}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One message taken apart.

    Attributes:
        text: The normalised text.
        tokens: Tokens after teencode expansion.
        found: Entities.
        features: Text for the intent classifier.
        language: ``"vi"`` or ``"en"``, and how clearly the words said so.
    """

    text: NormText
    tokens: list[Token]
    found: list[Found]
    features: str
    language: LanguageGuess

    @property
    def has_words(self) -> bool:
        """Tells whether the message has any letters or digits at all."""
        return any(token.is_word or token.is_number for token in self.tokens)


def analyse(extractor: EntityExtractor, raw: str) -> Analysis:
    """Takes one message apart.

    Args:
        extractor: The entity extractor.
        raw: The message as typed.

    Returns:
        The analysis.
    """
    text = normalize(raw)
    tokens = expand(tokenize(text))
    found = extractor.extract(text, tokens)
    names = {index for item in found if item.entity in _NAMES
             for index in range(item.begin, item.end)}  # fmt: skip
    return Analysis(
        text=text,
        tokens=tokens,
        found=found,
        features=classifier_text(tokens, found),
        language=detect_language(text.original, tokens, names),
    )
