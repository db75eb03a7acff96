"""The producer's `/orders` with payments: each line says whether the order is paid, and an
unpaid accepted order gets its "Đã nhận tiền" button."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.turn import Outcome, Turn
from bot.handlers import producer
from bot.handlers.orders_common import order_service
from bot.handlers.payments.accept import received_button
from bot.handlers.payments.common import payment_service
from catalog.orders import parse_order_payload


async def list_open_orders(turn: Turn) -> Outcome:
    """/orders as before, with the payment state and "Đã nhận tiền" where it applies."""
    outcome = await producer.list_open_orders(turn)
    orders, payments = order_service(turn), payment_service(turn).payments
    shown: list[Reply] = []
    for reply in outcome.replies:
        button = next(
            (b for b in map(parse_order_payload, (x.payload for x in reply.buttons)) if b), None
        )
        order = await orders.get(button.order_id) if button else None
        if order is None:
            shown.append(reply)
            continue
        payment = await payments.get(order.id)
        state = payment.state if payment else "unpaid"
        paid = turn.t("payments.inbox.state", state=turn.t(f"payments.status.{state}"))
        text = f"{reply.text}\n{paid}"
        buttons = reply.buttons
        if state != "paid" and order.status in ("accepted", "shipped"):
            buttons = (*buttons, received_button(turn, order))
        shown.append(Reply(text, buttons, reply.location, reply.image))
    return Outcome(shown, outcome.step)
