"""What the customer is told after placing or cancelling: who really received it, and when."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.turn import Turn
from catalog.orders import OrderDTO, mask_phone
from catalog.orders.reach import Receiver, order_reach, orders_reach


async def placed_reply(turn: Turn, orders: list[OrderDTO], phone: str) -> Reply:
    """One line per order: who will call and when, or that it waits for a seller."""
    reaches = await orders_reach(turn.session, orders, turn.settings.operator)
    received = sum(r.received for r in reaches)
    if received == len(orders):
        lines = [turn.t("checkout.placed", count=len(orders))]
    elif received == 0:
        lines = [turn.t("convo.placed.kept", count=len(orders))]
    else:
        lines = [turn.t("convo.placed.mixed", count=len(orders), received=received)]
    for order, reach in zip(orders, reaches, strict=True):
        producer = reach.producer_name or turn.t("orders.producer.unknown")
        lines.append(turn.t("checkout.placed_line", number=order.number, producer=producer))
        lines.append(
            turn.t(
                f"convo.placed.{reach.receiver}",
                producer=producer,
                phone=mask_phone(phone),
                hours=turn.settings.reply_hours,
            )
        )
    lines.append(turn.t(f"orders.payment.{orders[0].payment}"))
    lines.append(turn.t("convo.placed.status"))
    return Reply("\n".join(lines), (turn.button("checkout.my_orders", "ord:list"),))


async def cancelled_reply(turn: Turn, order: OrderDTO) -> Reply:
    """Says the order is cancelled and who was told, or that nobody had received it."""
    reach = await order_reach(turn.session, order, turn.settings.operator)
    producer = reach.producer_name or turn.t("orders.producer.unknown")
    key = {
        Receiver.PRODUCER: "convo.cancelled.producer",
        Receiver.STAFF: "convo.cancelled.staff",
        Receiver.NOBODY: "convo.cancelled.nobody",
    }[reach.receiver]
    return turn.say(key, number=order.number, producer=producer)
