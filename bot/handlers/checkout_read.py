"""Reads what a message means during checkout, before the router picks a handler.

The NLU guesses an intent for every message, but "Nguyễn Văn An" or "12 Trần Hưng Đạo"
typed as an answer must not become a product question. Inside an `order:*` step the
message is re-labelled: `order_quit`, `order_add`, `order_remove`, `order_requantity`,
`order_answer` (the answer to the pending question), or left as it is (a question aside).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.numbers import clamped_int
from bot.core.turn import Turn
from bot.handlers.checkout_draft import (
    FREE_TEXT_STEPS,
    PHONE,
    PICKUP,
    PRODUCT,
    QUANTITY,
    STEPS,
    Draft,
)
from bot.handlers.context import product_mentions
from catalog.text import fold

# Intents that are questions the other handlers answer, then the checkout goes on.
ASIDES = (
    "product_info", "product_price", "product_search", "shop_search",
    "tourism_suggest", "human_handoff", "help", "order_status",
)  # fmt: skip
# Asides that are never an answer to a checkout question, asked as questions or not.
ALWAYS_ASIDES = ("order_status", "help", "human_handoff")
REQUANTITY_CUES = ("thoi", "only", "make it", "change", "doi thanh", "sua thanh")
REMOVE_CUES = ("bo ", "xoa ", "khong lay ", "remove ", "delete ", "drop ", "take out ")
QUESTION_CUES = (
    "bao nhieu", "o dau", "the nao", "la gi", "khong nhi", "how much", "how many",
    "where", "what", "which", "when",
)  # fmt: skip
QUIT_CUES = ("huy", "thoi khong dat", "khong dat nua", "cancel", "stop", "quit")
KEEP_LANGUAGE_STEPS = (*FREE_TEXT_STEPS, PHONE, QUANTITY, PICKUP)
_PHONE = re.compile(r"^(?:0|84)(?:[35789]\d{8}|2\d{9})$")
_NUMBER = re.compile(r"-?\d+")


def read_phone(text: str | None) -> str | None:
    """A Vietnamese mobile or landline number as 0xxxxxxxxx, or None."""
    digits = re.sub(r"[\s.\-()]", "", text or "").lstrip("+")
    if not digits.isdigit() or not _PHONE.match(digits):
        return None
    return "0" + digits[2:] if digits.startswith("84") else digits


def read_quantity(turn: Turn) -> int | None:
    """The quantity a message states: the NLU's entity, else the first whole number."""
    value = turn.parse.first("quantity") if turn.parse else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return clamped_int(value)
    match = _NUMBER.search(turn.msg.text or "")
    return clamped_int(int(match.group()[:12])) if match else None


def is_question(text: str) -> bool:
    folded = f" {fold(text)} "
    return text.rstrip().endswith("?") or any(f" {cue}" in folded for cue in QUESTION_CUES)


def is_quit(turn: Turn) -> bool:
    folded = fold(turn.msg.text or "")
    if turn.intent == "order_cancel" and len(folded.split()) <= 4:
        return True
    return folded in QUIT_CUES


def _changes_quantity(turn: Turn, folded: str) -> bool:
    """ "à 3 chai thôi" after the quantity question: a new quantity for an item."""
    parse = turn.parse
    if turn.conv.step in (PRODUCT, QUANTITY, *FREE_TEXT_STEPS) or parse is None:
        return False
    if parse.first("quantity") is None:
        return False
    return bool(parse.first("unit")) or any(cue in folded for cue in REQUANTITY_CUES)


async def read_checkout_message(turn: Turn) -> None:
    """Re-labels a typed message inside an order step (see the module docstring)."""
    parse = turn.parse
    if turn.conv.step not in STEPS or parse is None:
        return
    step, text = turn.conv.step, turn.msg.text or ""
    folded = f"{fold(text)} "
    mentions = product_mentions(parse)
    label: str | None = None
    if is_quit(turn):
        label = "order_quit"
    elif mentions and any(folded.startswith(cue) for cue in REMOVE_CUES):
        label = "order_remove"
    elif mentions and parse.intent == "order_create":
        label = "order_add"
    elif parse.intent == "order_create" and step != PRODUCT:
        label = None  # "đặt hàng" again: carry on where the checkout was
    elif step == PHONE and (read_phone(text) or turn.msg.contact_phone):
        label = "order_answer"
    elif parse.intent in ASIDES and (
        is_question(text) or (parse.intent in ALWAYS_ASIDES and step not in FREE_TEXT_STEPS)
    ):
        label = None
    elif _changes_quantity(turn, folded):
        label = "order_requantity"
    else:
        label = "order_answer"
    if label is not None:
        turn.parse = replace(parse, intent=label, confidence=1.0, guess=parse.intent)
    draft = Draft.load(turn.memory)
    if label == "order_answer" and step in KEEP_LANGUAGE_STEPS and draft and draft.lang:
        # "John Smith" or "12 Trần Hưng Đạo" says nothing about the language to reply in.
        turn.lang = turn.conv.lang = draft.lang
