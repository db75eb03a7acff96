"""Reads what a message means during checkout, before the router picks a handler.

The NLU guesses an intent for every message, but "Nguyễn Văn An" or "12 Trần Hưng Đạo"
typed as an answer must not become a product question, and "à không, 3 chai thôi" typed
at the name question is not a name. Inside an `order:*` step the message is re-labelled:
`order_quit`, `order_add`, `order_remove`, `order_fix` (change a field), `order_requantity`,
`order_answer` (the answer to the pending question), or left as it is: a new request the
other handlers answer before the pending question is asked again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.numbers import clamped_int
from bot.core.options import ordinal_number
from bot.core.turn import Turn
from bot.handlers.checkout.browse import asks_to_see, read_pick_from_list
from bot.handlers.checkout.draft import (
    ADDRESS,
    FREE_TEXT_STEPS,
    PHONE,
    PICKUP,
    PRODUCT,
    QUANTITY,
    STEPS,
    Draft,
)
from bot.handlers.checkout.fix import field_to_fix
from bot.handlers.checkout.slots import fits, read_phone
from bot.handlers.context import product_mentions
from catalog.text import fold

__all__ = ["ASIDES", "read_checkout_message", "read_phone", "read_quantity"]

# Intents that are questions the other handlers answer, then the checkout goes on.
ASIDES = (
    "product_info", "product_price", "product_search", "shop_search",
    "tourism_suggest", "human_handoff", "help", "order_status",
)  # fmt: skip
# Asides that are never an answer to a checkout question, asked as questions or not.
ALWAYS_ASIDES = ("order_status", "help", "human_handoff")
# Entities that make a request confident enough to interrupt the pending question.
SUBJECTS = ("product", "location", "category", "stars", "price_max", "price_min")
CONFIDENT = 0.8
ALWAYS_CONFIDENT = 0.5
REQUANTITY_CUES = (
    "thoi", "only", "make it", "change", "doi thanh", "sua thanh", "doi lai", "lay",
    "a khong", "actually", "instead", "nham",
)  # fmt: skip
REMOVE_CUES = ("bo ", "xoa ", "khong lay ", "remove ", "delete ", "drop ", "take out ")
ADD_CUES = ("them ", "add ", "also ", "lay them ", "and ")
QUESTION_CUES = (
    "bao nhieu", "o dau", "the nao", "la gi", "khong nhi", "how much", "how many",
    "where", "what", "which", "when",
)  # fmt: skip
YES_NO_ENDINGS = ("khong", "ko", "chua", "nhi")
QUIT_CUES = ("huy", "thoi khong dat", "khong dat nua", "cancel", "stop", "quit")
CORRECTIONS = ("order_fix", "order_requantity", "order_remove", "order_quit")
# Every answer keeps the checkout's language: "pick up", "An" or "có" says little about it.
KEEP_LANGUAGE_STEPS = STEPS
_NUMBER = re.compile(r"-?\d+")


def read_quantity(turn: Turn) -> int | None:
    """The quantity a message states: the NLU's entity, else the first whole number."""
    value = turn.parse.first("quantity") if turn.parse else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return clamped_int(value)
    if ordinal_number(turn.msg.text) is not None:
        return None  # "cái thứ 2" is the second one, not two of them
    match = _NUMBER.search(turn.msg.text or "")
    return clamped_int(int(match.group()[:12])) if match else None


def is_question(text: str) -> bool:
    folded = f" {fold(text)} "
    return text.rstrip().endswith("?") or any(f" {cue}" in folded for cue in QUESTION_CUES)


def ends_like_a_question(text: str) -> bool:
    """ "có hội chợ nào sắp tới không": Vietnamese asks yes/no by its last word, with or
    without "?". Not asked of a name, an address or a note ("giao sáng được không")."""
    words = fold(text).split()
    return len(words) >= 3 and words[-1] in YES_NO_ENDINGS


def is_quit(turn: Turn) -> bool:
    folded = fold(turn.msg.text or "")
    if turn.intent == "order_cancel" and len(folded.split()) <= 4:
        return True
    return folded in QUIT_CUES


def _changes_quantity(turn: Turn, folded: str) -> bool:
    """ "à không, 3 chai thôi" / "đổi thành 5 hũ" / "actually make it 2": a new quantity."""
    parse = turn.parse
    if turn.conv.step in (PRODUCT, QUANTITY) or parse is None:
        return False
    if parse.first("quantity") is None:
        return False
    cued = any(f" {cue}" in f" {folded}" for cue in REQUANTITY_CUES)
    if turn.conv.step == ADDRESS:  # "12 Trần Hưng Đạo" has a number too
        return (cued and bool(parse.first("unit"))) or folded.startswith(("doi ", "sua "))
    return bool(parse.first("unit")) or cued


def is_new_request(turn: Turn) -> bool:
    """A confident request of another kind: a product, a place, a person, the orders; "cho
    mình xem các loại nước mắm" asks to be shown one, however unsure the classifier is."""
    parse = turn.parse
    if parse is None or parse.intent not in ASIDES:
        return False
    if parse.intent in ALWAYS_ASIDES:  # never a name, an address or a note
        return parse.confidence >= ALWAYS_CONFIDENT
    sure = parse.confidence >= CONFIDENT or asks_to_see(parse.text)
    return sure and any(parse.values(name) for name in SUBJECTS)


def _label(turn: Turn) -> str | None:
    parse = turn.parse
    assert parse is not None
    step, text = turn.conv.step, turn.msg.text or ""
    folded = f"{fold(text)} "
    mentions = product_mentions(parse)
    if is_quit(turn):
        return "order_quit"
    if mentions and any(folded.startswith(cue) or f" {cue}" in folded for cue in REMOVE_CUES):
        return "order_remove"
    subject = mentions or parse.values("category")
    if subject and (parse.intent == "order_create" or folded.startswith(ADD_CUES)):
        return "order_add" if step != PRODUCT else "order_answer"
    if field_to_fix(folded, parse) is not None:
        return "order_fix"
    if _changes_quantity(turn, folded):
        return "order_requantity"
    if parse.intent == "order_create" and step != PRODUCT:
        return None  # "đặt hàng" again: carry on where the checkout was
    if step == PHONE and (read_phone(text) or turn.msg.contact_phone):
        return "order_answer"
    free_text = step in FREE_TEXT_STEPS
    if parse.intent in ASIDES and (
        is_question(text)
        or (not free_text and (parse.intent in ALWAYS_ASIDES or ends_like_a_question(text)))
    ):
        return None
    if step == ADDRESS and any(ch.isdigit() for ch in text):
        return "order_answer"
    if is_new_request(turn) and not (step in (PRODUCT, PICKUP) and fits_step(turn)):
        return None
    return "order_answer"


async def read_checkout_message(turn: Turn) -> None:
    """Re-labels a typed message inside an order step (see the module docstring)."""
    parse = turn.parse
    if turn.conv.step not in STEPS or parse is None or read_pick_from_list(turn):
        return
    label = _label(turn)
    if label is not None:
        turn.parse = replace(parse, intent=label, confidence=1.0, guess=parse.intent)
    draft = Draft.load(turn.memory)
    step = turn.conv.step
    keep = label == "order_answer" and step in KEEP_LANGUAGE_STEPS
    if (keep or label in CORRECTIONS) and draft and draft.lang:
        # "John Smith" or "12 Trần Hưng Đạo" says nothing about the language to reply in;
        # a short correction ("make it 2") is read by a classifier unsure of its language.
        turn.lang = turn.conv.lang = draft.lang


def fits_step(turn: Turn) -> bool:
    """True when the message can answer the pending checkout question."""
    return fits(turn.conv.step, turn.msg.text or "", turn.parse, turn.msg.contact_phone)
