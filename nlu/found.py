"""The extractors' shared result type and the bookkeeping of which tokens are used."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nlu.tokens import Token


@dataclass(frozen=True, slots=True)
class Found:
    """An entity found over ``tokens[begin:end]``."""

    entity: str
    value: Any
    begin: int
    end: int

    def to_dict(self, tokens: list[Token]) -> dict[str, Any]:
        """Returns the Rasa-shaped entity with offsets into the original text."""
        return {
            "entity": self.entity,
            "value": self.value,
            "start": tokens[self.begin].start,
            "end": tokens[self.end - 1].end,
        }


def number_value(value: float) -> int | float:
    """Returns whole numbers as ``int`` (2.0 -> 2), others unchanged (0.5)."""
    return int(value) if float(value).is_integer() else round(value, 3)


def free(taken: list[bool], begin: int, end: int) -> bool:
    """Tells whether no token in ``[begin, end)`` is used yet."""
    return end <= len(taken) and not any(taken[begin:end])


def take(taken: list[bool], begin: int, end: int) -> None:
    """Marks tokens ``[begin, end)`` as used."""
    for index in range(begin, end):
        taken[index] = True
