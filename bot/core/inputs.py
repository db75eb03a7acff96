"""Reading one input: typed option numbers, low-confidence parses, a log-safe description."""

from __future__ import annotations

from dataclasses import replace

from bot.core.messages import IncomingMessage
from bot.core.nlu import Parse
from bot.core.options import option_number

LOW_CONFIDENCE = "nlu_fallback"  # Rasa's name for a parse below the threshold


def pick_option(msg: IncomingMessage, options: list[str]) -> IncomingMessage:
    """Turns a typed option choice ("2", "số 2", "hai") into the payload of that button."""
    number = option_number(msg.text) if msg.payload is None else None
    if number is not None and 1 <= number <= len(options):
        return replace(msg, text=None, payload=options[number - 1])
    return msg


def is_low_confidence(parse: Parse, threshold: float) -> bool:
    """Tells whether a parse is too unsure to act on.

    Args:
        parse: the NLU's answer.
        threshold: the lowest intent confidence the bot acts on.

    Returns:
        True below the threshold, and for the NLU's own fallback: Rasa's nlu_fallback, or
        out_of_scope at exactly the threshold with only weaker guesses ranked after it.
    """
    if parse.intent == LOW_CONFIDENCE or parse.confidence < threshold:
        return True
    return (
        parse.intent == "out_of_scope"
        and abs(parse.confidence - threshold) < 1e-6
        and len(parse.ranking) > 1
        and all(score < threshold for _, score in parse.ranking[1:])
    )


def describe(msg: IncomingMessage, parse: Parse | None) -> str:
    """Describes the input for the log without the person's words."""
    if parse is not None:
        return f"intent {parse.intent} ({parse.confidence:.2f}, {parse.language})"
    if msg.payload is not None:
        return "button " + ":".join(msg.payload.split(":", 2)[:2])
    return "location" if msg.location else "command"
