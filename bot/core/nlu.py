"""The NLU contract the engine needs: one async parse returning Rasa's /model/parse JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class NluParser(Protocol):
    """Anything that understands a sentence (the builtin interpreter, Rasa over HTTP, a fake)."""

    async def parse_async(self, text: str) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Entity:
    entity: str
    value: Any
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Parse:
    """A parsed sentence: the intent, its confidence, the language and the entities.

    `language_evidence` is how many votes the message's own words gave its language over the
    other (None when the NLU does not say, as Rasa does not).
    """

    text: str
    intent: str
    confidence: float
    language: str | None = None
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    guess: str | None = None  # the NLU's intent when `intent` became the low-confidence one
    ranking: tuple[tuple[str, float], ...] = ()
    language_evidence: int | None = None

    def values(self, name: str) -> list[Any]:
        """Returns the values of every entity called `name`, in order, without repeats."""
        seen: list[Any] = []
        for entity in self.entities:
            if entity.entity == name and entity.value not in seen:
                seen.append(entity.value)
        return seen

    def first(self, name: str) -> Any | None:
        """Returns the first value of entity `name`, or None."""
        found = self.values(name)
        return found[0] if found else None

    @classmethod
    def from_rasa(cls, text: str, data: dict[str, Any]) -> Parse:
        """Builds a Parse from Rasa's /model/parse JSON, tolerating missing fields.

        Args:
            text: the sentence that was parsed.
            data: the parser's answer.

        Returns:
            The parse; an unreadable answer becomes intent "out_of_scope" at confidence 0.
        """
        intent = data.get("intent") or {}
        entities = tuple(
            Entity(str(e.get("entity")), e.get("value"), e.get("start"), e.get("end"))
            for e in data.get("entities") or ()
            if isinstance(e, dict) and e.get("entity")
        )
        language = data.get("language")
        evidence = data.get("language_evidence")
        ranking = tuple(
            (str(r.get("name")), float(r.get("confidence") or 0.0))
            for r in data.get("intent_ranking") or ()
            if isinstance(r, dict) and r.get("name")
        )
        return cls(
            text=text,
            intent=str(intent.get("name") or "out_of_scope"),
            confidence=float(intent.get("confidence") or 0.0),
            language=language if language in ("vi", "en") else None,
            entities=entities,
            ranking=ranking,
            language_evidence=evidence if type(evidence) is int else None,
        )
