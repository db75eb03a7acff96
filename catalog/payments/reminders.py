"""A reminder to the customer when an accepted transfer order stays unpaid."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.models import Order
from catalog.orders.policy import Clock, OrderPolicy, utc_now
from catalog.orders.service import OrderService
from catalog.payments.models import OrderPayment
from catalog.payments.service import PaymentService

BATCH = 100


async def remind_unpaid(
    session: AsyncSession,
    after: timedelta,
    clock: Clock = utc_now,
    policy: OrderPolicy | None = None,
) -> list[str]:
    """Queues one reminder (with the VietQR again) per accepted transfer order still unpaid
    `after` its code was sent; each order is claimed once (compare-and-set).

    Returns:
        The order numbers reminded.
    """
    now: datetime = clock()
    due = (
        select(OrderPayment.order_id)
        .join(Order, Order.id == OrderPayment.order_id)
        .where(
            OrderPayment.method == "transfer",
            OrderPayment.state != "paid",
            OrderPayment.reminded_at.is_(None),
            OrderPayment.qr_sent_at <= now - after,
            Order.status == "accepted",
        )
        .order_by(OrderPayment.order_id)
        .limit(BATCH)
    )
    payments = PaymentService(session, clock, policy)
    orders = OrderService(session, clock, policy)
    reminded = []
    for order_id in list(await session.scalars(due)):
        if not await payments.payments.change(order_id, {"reminded_at": None}, reminded_at=now):
            continue
        order = await orders.get(order_id)
        if order is not None and await payments.send_qr(order, "reminder"):
            reminded.append(order.number)
    return reminded
