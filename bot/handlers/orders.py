"""The customer's orders: "đơn của tôi" lists them, and a pending one may be cancelled."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.checkout.cart import quit_checkout
from bot.handlers.checkout.draft import Draft
from bot.handlers.orders_common import (
    address_of,
    find_order,
    order_items,
    order_reference,
    order_service,
    producer_names,
    refusal_reply,
)
from bot.handlers.outcomes import cancelled_reply
from catalog.orders import OrderDTO, Refusal, make_order_payload, parse_order_payload

SHOWN = 10


async def list_orders(turn: Turn) -> Outcome:
    """Lists this chat's orders and their states, with a cancel button on pending ones."""
    mine = (await order_service(turn).orders_of_customer(address_of(turn)))[:SHOWN]
    if not mine:
        return Outcome([turn.say("orders.mine.none")])
    names = await producer_names(turn, mine)
    lines = [turn.t("orders.mine.title", count=len(mine))]
    buttons: list[Button] = []
    for order in mine:
        producer = names.get(order.producer_id or "") or turn.t("orders.producer.unknown")
        status = turn.t(f"orders.status.{order.status}")
        lines.append(
            turn.t(
                "orders.mine.line",
                number=order.number,
                status=status,
                producer=producer,
                items=order_items(order),
            )
        )
        if order.status == "pending":
            buttons.append(_cancel_button(turn, order))
    return Outcome([Reply("\n".join(lines), tuple(buttons))])


def _cancel_button(turn: Turn, order: OrderDTO) -> Button:
    payload = make_order_payload("cancel", order.id, order.version)
    return turn.button("orders.mine.cancel", payload, number=order.number)


async def cancel_order(turn: Turn) -> Outcome:
    """Cancels the order the message names ("hủy đơn K7M3QP"), or asks which one."""
    reference = order_reference(turn.msg.text)
    if reference is None and Draft.load(turn.memory) is not None:
        return await quit_checkout(turn)  # "hủy" while an order was being put together
    order = await find_order(turn, reference)
    if order is not None:
        return await _cancel(turn, order.id, None)
    mine = await order_service(turn).orders_of_customer(address_of(turn))
    pending = [o for o in mine if o.status == "pending"][:SHOWN]
    if not pending:
        return Outcome([turn.say("orders.cancel.none")])
    buttons = tuple(_cancel_button(turn, o) for o in pending)
    return Outcome([Reply(turn.t("orders.cancel.which"), buttons)])


async def cancel_order_button(turn: Turn) -> Outcome:
    """Cancels the order on the pressed button, if it is still the version shown."""
    button = parse_order_payload(turn.msg.payload or "")
    if button is None or button.action != "cancel":
        return Outcome([turn.say("orders.refused.invalid_button")])
    return await _cancel(turn, button.order_id, button.token)


async def _cancel(turn: Turn, order_id: int, token: str | None) -> Outcome:
    result = await order_service(turn).act(order_id, "cancel", address_of(turn), token=token)
    if isinstance(result, Refusal):
        return Outcome([refusal_reply(turn, result)])
    return Outcome([await cancelled_reply(turn, result)])


def setup(router: Router) -> None:
    """Registers the customer's order list and cancellation."""
    router.on_intent("order_status", list_orders)
    router.on_intent("order_cancel", cancel_order)
    router.on_payload("ord:list", list_orders)
    router.on_payload("o:cnl", cancel_order_button)
