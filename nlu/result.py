"""Builds the Rasa ``/model/parse``-shaped result."""

from __future__ import annotations

from typing import Any

OUT_OF_SCOPE = "out_of_scope"
RANKING_LENGTH = 10


def parse_result(
    text: str,
    ranking: list[tuple[str, float]],
    entities: list[dict[str, Any]],
    language: str,
    threshold: float,
) -> dict[str, Any]:
    """Shapes a parse like Rasa's, with ``out_of_scope`` below the threshold.

    Like Rasa's FallbackClassifier, a guess below ``threshold`` becomes ``out_of_scope``
    with confidence ``threshold``; the classifier's own ranking follows it.
    """
    # One more than shown: the fallback may push out_of_scope (one label) out of the list.
    shown = ranking[: RANKING_LENGTH + 1]
    ranked = [{"name": name, "confidence": round(score, 4)} for name, score in shown]
    if ranked and ranked[0]["confidence"] < threshold:
        fallback = {"name": OUT_OF_SCOPE, "confidence": threshold}
        ranked = [fallback, *(item for item in ranked if item["name"] != OUT_OF_SCOPE)]
    return {
        "text": text,
        "language": language,
        "intent": ranked[0] if ranked else {"name": OUT_OF_SCOPE, "confidence": 1.0},
        "intent_ranking": ranked[:RANKING_LENGTH],
        "entities": entities,
    }


def empty_result(text: str, language: str = "vi", confidence: float = 1.0,
                 error: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Returns an ``out_of_scope`` parse for text with nothing to understand."""
    intent = {"name": OUT_OF_SCOPE, "confidence": confidence}
    result: dict[str, Any] = {
        "text": text,
        "language": language,
        "intent": intent,
        "intent_ranking": [intent],
        "entities": [],
    }
    if error:
        result["error"] = error
    return result
