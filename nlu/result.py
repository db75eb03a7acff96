"""Builds the Rasa ``/model/parse``-shaped result."""

from __future__ import annotations

from typing import Any

from nlu.language import LanguageGuess

OUT_OF_SCOPE = "out_of_scope"
RANKING_LENGTH = 10
# A parse that read no words: Vietnamese, the default, on no evidence at all.
NO_EVIDENCE = LanguageGuess("vi", 0)


def parse_result(
    text: str,
    ranking: list[tuple[str, float]],
    entities: list[dict[str, Any]],
    language: LanguageGuess,
    threshold: float,
) -> dict[str, Any]:
    """Shapes a parse like Rasa's, with ``out_of_scope`` below the threshold.

    Like Rasa's FallbackClassifier, a guess below ``threshold`` becomes ``out_of_scope``
    with confidence ``threshold``; the classifier's own ranking follows it. Two keys Rasa
    does not send say the message's language and how clearly its words said so.
    """
    # One more than shown: the fallback may push out_of_scope (one label) out of the list.
    shown = ranking[: RANKING_LENGTH + 1]
    ranked = [{"name": name, "confidence": round(score, 4)} for name, score in shown]
    if ranked and ranked[0]["confidence"] < threshold:
        fallback = {"name": OUT_OF_SCOPE, "confidence": threshold}
        ranked = [fallback, *(item for item in ranked if item["name"] != OUT_OF_SCOPE)]
    return {
        "text": text,
        "language": language.language,
        "language_evidence": language.evidence,
        "intent": ranked[0] if ranked else {"name": OUT_OF_SCOPE, "confidence": 1.0},
        "intent_ranking": ranked[:RANKING_LENGTH],
        "entities": entities,
    }


def empty_result(text: str, language: LanguageGuess = NO_EVIDENCE, confidence: float = 1.0,
                 error: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Returns an ``out_of_scope`` parse for text with nothing to understand."""
    intent = {"name": OUT_OF_SCOPE, "confidence": confidence}
    result: dict[str, Any] = {
        "text": text,
        "language": language.language,
        "language_evidence": language.evidence,
        "intent": intent,
        "intent_ranking": [intent],
        "entities": [],
    }
    if error:
        result["error"] = error
    return result
