"""What the payment handlers share: the services on this turn, the producer of this chat,
and an outbox-style payload shown as a reply."""

from __future__ import annotations

from typing import Any

from bot.core.messages import Reply
from bot.core.turn import Turn
from bot.handlers.orders_common import address_of, order_service
from bot.notify_render import payload_image
from catalog.orders import OrderPolicy
from catalog.orders.directory import Directory
from catalog.payments.service import PaymentService
from catalog.text import fold

CANCEL_CUES = ("huy", "thoi", "cancel", "stop", "khong", "bo qua")


def payment_service(turn: Turn) -> PaymentService:
    """The payment service on this turn's transaction, with the engine's order settings."""
    policy = OrderPolicy(operator=turn.settings.operator, max_quantity=turn.settings.max_quantity)
    return PaymentService(turn.session, policy=policy)


async def producer_of(turn: Turn) -> str | None:
    """The producer this chat is linked to (the first, if several), or None."""
    producers = await order_service(turn).producers_of(address_of(turn))
    return producers[0] if producers else None


async def producer_name(turn: Turn, producer_id: str) -> str:
    names = await Directory(turn.session).producer_names([producer_id])
    return names.get(producer_id, producer_id)


def ask_in_this_language(turn: Turn) -> None:
    """Keeps the language of a question for its answer: "VCB 0011… NGUYEN VAN A" or "250k"
    says nothing about the language to reply in (see read.read_payment_message)."""
    turn.memory.order["pay_lang"] = turn.lang


def is_cancel(turn: Turn) -> bool:
    """True when the typed text only says "stop" ("huỷ", "thôi", "cancel")."""
    return fold(turn.msg.text or "") in CANCEL_CUES


def payload_reply(turn: Turn, payload: dict[str, Any]) -> Reply:
    """Shows a notice payload (catalog.payments.notices) in this chat's language."""
    text = turn.t(str(payload["key"]), **payload.get("params", {}))
    return Reply(text, image=payload_image(payload.get("image")))
