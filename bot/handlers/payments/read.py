"""Reads typed answers to the payment questions, and "đã nhận tiền K7M3QP", before routing."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.turn import Turn
from catalog.text import fold

#: The payment steps and the intent a typed answer in each becomes.
STEP_INTENTS = {
    "pay:method": "pay_method",
    "pay:price": "pay_price",
    "pay:bank": "pay_bank",
    "pay:total": "pay_total",
}
RECEIVED_CUES = ("da nhan tien", "nhan duoc tien", "da nhan du tien", "received payment",
                 "payment received", "got the money", "da nhan chuyen khoan")  # fmt: skip
_CODE = re.compile(r"\b([acdefghjkmnpqrtuvwxy34679]{6}|\d{1,9})\b")


async def read_payment_message(turn: Turn) -> None:
    """Labels answers to a pending payment question and "đã nhận tiền" messages."""
    parse = turn.parse
    if parse is None or turn.msg.text is None:
        return
    intent = STEP_INTENTS.get(turn.conv.step or "")
    if intent is not None:
        turn.parse = replace(parse, intent=intent, confidence=1.0)
        asked_in = turn.memory.order.get("pay_lang")
        if asked_in:
            turn.lang = turn.conv.lang = str(asked_in)
        return
    folded = fold(turn.msg.text)
    cue = next((c for c in RECEIVED_CUES if folded.startswith(c)), None)
    if cue is None:
        return
    rest = folded[len(cue) :].replace("don ", " ").replace("order ", " ")
    match = _CODE.search(rest)
    entities = (Entity("order_id", match.group(1).upper()),) if match else ()
    turn.parse = replace(parse, intent="pay_received", confidence=1.0, entities=entities)
