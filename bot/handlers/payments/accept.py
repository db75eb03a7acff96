"""The producer's side of paying: Accept asks for the total when a transfer order has no
price for every item, and "Đã nhận tiền" (button or typed) records the order paid."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.numbers import bounded_int
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import producer
from bot.handlers.orders_common import (
    action_buttons,
    address_of,
    find_order,
    order_service,
    refusal_reply,
)
from bot.handlers.payments.common import ask_in_this_language, is_cancel, payment_service
from catalog.orders import OrderDTO, Refusal, parse_order_payload
from catalog.orders.notices import money
from catalog.payments.prices import read_amount

TOTAL = "pay:total"


def received_button(turn: Turn, order: OrderDTO) -> Button:
    """ "💰 Đã nhận tiền đơn K7M3QP"."""
    return turn.button(
        "payments.button.received", make_payload("pay", "rcv", order.id), number=order.number
    )


async def _needs_total(turn: Turn, order: OrderDTO | None) -> bool:
    """A pending transfer order whose total nobody knows yet."""
    if order is None or order.payment != "transfer" or order.status != "pending":
        return False
    payment = await payment_service(turn).payments.get(order.id)
    return payment is None or payment.amount_vnd is None


async def _ask_total(turn: Turn, order: OrderDTO, token: str | None) -> Outcome:
    ask_in_this_language(turn)
    turn.memory.order["total_for"] = {"id": order.id, "token": token}
    items = "\n".join(f"• {i.quantity} × {i.name}" for i in order.items)
    return Outcome([turn.say("payments.total.ask", number=order.number, items=items)], TOTAL)


async def accept_button(turn: Turn) -> Outcome:
    """Accept: asks for the total first when the order is paid by transfer and has none."""
    button = parse_order_payload(turn.msg.payload or "")
    order = await order_service(turn).get(button.order_id) if button else None
    if button is not None and order is not None and await _needs_total(turn, order):
        allowed = await order_service(turn).producers_of(address_of(turn))
        if order.producer_id in allowed or address_of(turn) == turn.settings.operator:
            return await _ask_total(turn, order, button.token)
    return await _with_received(turn, await producer.act_button(turn))


async def accept_text(turn: Turn) -> Outcome:
    """Typed "nhận đơn K7M3QP": the same, for channels without buttons."""
    parse = turn.parse
    action = str(parse.first("order_action") if parse else "")
    if action == "accept":
        order = await find_order(turn, str(parse.first("order_id") or "") if parse else None)
        if order is not None and await _needs_total(turn, order):
            return await _ask_total(turn, order, None)
    return await producer.act_text(turn)


async def take_total(turn: Turn) -> Outcome:
    """Accepts the order with the typed total and sends the customer the VietQR."""
    pending = turn.memory.order.get("total_for") or {}
    if not pending or is_cancel(turn):
        turn.memory.order.pop("total_for", None)
        return Outcome([turn.say("payments.total.aborted")])
    amount = next(filter(None, map(read_amount, (turn.msg.text or "").split())), None)
    if amount is None:
        return Outcome([turn.say("payments.total.bad")], TOTAL)
    turn.memory.order.pop("total_for", None)
    service = order_service(turn)
    result = await service.act(
        int(pending["id"]), "accept", address_of(turn), None, pending.get("token")
    )
    if isinstance(result, Refusal):
        return Outcome([refusal_reply(turn, result)])
    await payment_service(turn).set_total(result, amount)
    text = turn.t("payments.total.done", number=result.number, amount=money(amount))
    buttons = (*action_buttons(turn, result), received_button(turn, result))
    return Outcome([Reply(text, buttons)])


async def _with_received(turn: Turn, outcome: Outcome) -> Outcome:
    """Adds "Đã nhận tiền" under an accepted transfer order's confirmation."""
    button = parse_order_payload(turn.msg.payload or "")
    order = await order_service(turn).get(button.order_id) if button else None
    if order is None or order.payment != "transfer" or order.status in ("pending", "declined"):
        return outcome
    payment = await payment_service(turn).payments.get(order.id)
    if payment is None or payment.state == "paid" or not outcome.replies:
        return outcome
    last = outcome.replies[-1]
    outcome.replies[-1] = Reply(last.text, (*last.buttons, received_button(turn, order)))
    return outcome


async def received_button_pressed(turn: Turn) -> Outcome:
    """Records the order on the pressed "Đã nhận tiền" button as paid."""
    arg = turn.payload.arg if turn.payload else None
    order_id = bounded_int(arg) if arg else None
    order = await order_service(turn).get(order_id) if order_id and order_id > 0 else None
    return await _received(turn, order)


async def received_text(turn: Turn) -> Outcome:
    """Typed "đã nhận tiền K7M3QP" (or without a number when only one order waits)."""
    reference = turn.parse.first("order_id") if turn.parse else None
    order = await find_order(turn, str(reference)) if reference else None
    if order is not None:
        return await _received(turn, order)
    waiting = await _waiting(turn)
    if len(waiting) == 1:
        return await _received(turn, waiting[0])
    if not waiting:
        return Outcome([turn.say("payments.received.none")])
    buttons = tuple(received_button(turn, o) for o in waiting[:10])
    return Outcome([Reply(turn.t("payments.received.which"), buttons)])


async def _waiting(turn: Turn) -> list[OrderDTO]:
    """This producer's open orders not yet paid."""
    service = order_service(turn)
    payments = payment_service(turn)
    found: list[OrderDTO] = []
    for producer_id in await service.producers_of(address_of(turn)):
        for order in await service.open_orders_of_producer(producer_id):
            payment = await payments.payments.get(order.id)
            if order.status != "pending" and (payment is None or payment.state != "paid"):
                found.append(order)
    return found


async def _received(turn: Turn, order: OrderDTO | None) -> Outcome:
    if order is None:
        return Outcome([turn.say("orders.refused.not_found")])
    allowed = await order_service(turn).producers_of(address_of(turn))
    is_operator = order.operator_routed and address_of(turn) == turn.settings.operator
    if order.producer_id not in allowed and not is_operator:
        return Outcome([turn.say("payments.received.not_allowed")])
    actor = f"producer:{order.producer_id}" if not is_operator else f"operator:{address_of(turn)}"
    paid = await payment_service(turn).mark_paid(order, actor)
    if paid is None:
        return Outcome([turn.say("payments.received.already", number=order.number)])
    return Outcome([turn.say("payments.received.done", number=order.number)])
