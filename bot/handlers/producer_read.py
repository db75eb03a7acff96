"""Reads a producer's typed action ("nhận đơn 12", "từ chối đơn K7M3QP hết hàng", "accept 12")
for channels without buttons, and the reason typed after Decline."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.turn import Turn
from bot.handlers.checkout.draft import STEPS
from catalog.text import fold

# Folded verbs -> order action; longer phrases first so "da giao" wins over "giao".
ACTION_CUES = {
    "tu choi": "decline",
    "khong nhan": "decline",
    "decline": "decline",
    "reject": "decline",
    "nhan": "accept",
    "accept": "accept",
    "xac nhan": "accept",
    "da gui": "ship",
    "gui hang": "ship",
    "ship": "ship",
    "shipped": "ship",
    "da giao": "deliver",
    "giao xong": "deliver",
    "deliver": "deliver",
    "delivered": "deliver",
}
CANCEL_CUES = ("huy", "thoi", "cancel", "stop", "khong")
_VERBS = "|".join(sorted(ACTION_CUES, key=len, reverse=True))
_ACTION = re.compile(
    rf"^(?:{_VERBS})\s+(?:don\s+|order\s+)?([a-z0-9]*\d[a-z0-9]*|[acdefghjkmnpqrtuvwxy]{{6}})(?:\s+(.*))?$"
)


def _verb(folded: str) -> str | None:
    return next(
        (v for v in sorted(ACTION_CUES, key=len, reverse=True) if folded.startswith(v)), None
    )


async def read_producer_action(turn: Turn) -> None:
    """Labels a typed order action `producer_act`, and the reason after Decline."""
    parse = turn.parse
    if parse is None:
        return
    if turn.conv.step == "producer:reason":
        turn.parse = replace(parse, intent="producer_reason", confidence=1.0)
        return
    if turn.conv.step in STEPS:
        return
    folded = fold(turn.msg.text or "")
    match = _ACTION.match(folded)
    verb = _verb(folded)
    if match is None or verb is None:
        return
    words = (turn.msg.text or "").split()
    reason_words = len(match.group(2).split()) if match.group(2) else 0
    reason = " ".join(words[len(words) - reason_words :]) if reason_words else ""
    entities = (
        Entity("order_action", ACTION_CUES[verb]),
        Entity("order_id", match.group(1).upper()),
        Entity("reason", reason),
    )
    turn.parse = replace(parse, intent="producer_act", confidence=1.0, entities=entities)
