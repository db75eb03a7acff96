"""What placing writes, row by row: a taken order number, a producer with several chats,
a ping queued twice, a payment opened twice (SQLite and PostgreSQL)."""

from __future__ import annotations

import secrets

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import OrderService
from catalog.orders.models import Order, OrderEvent, OrderItem
from catalog.orders.outbox import OutboxRepository
from catalog.payments.models import OrderPayment
from catalog.payments.service import PaymentService
from tests.orders.conftest import CHICKEN, OPERATOR, PEARL, FakeClock, Run, link_producer, place
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]
TAHITI = "ngoc-trai-tahiti"  # producer halong-pearl, like PEARL


async def test_an_order_number_already_taken_is_drawn_again(
    run: Run, db: DB, monkeypatch: pytest.MonkeyPatch
) -> None:
    [first] = await place(run, [(CHICKEN, 1)], key="msg-1")
    draws = iter(first.number + "ACDEFG")  # the first order's number, then a free one
    monkeypatch.setattr(secrets, "choice", lambda _alphabet: next(draws))

    [second] = await place(run, [(CHICKEN, 2)], key="msg-2")

    assert second.number == "ACDEFG" != first.number
    async with db() as session:
        numbers = set(await session.scalars(select(Order.number)))
        events = list(await session.scalars(select(OrderEvent.order_id)))
        items = list(await session.scalars(select(OrderItem.order_id)))
    assert numbers == {first.number, second.number}
    assert sorted(events) == sorted(items) == [first.id, second.id]


async def test_two_products_of_a_producer_with_two_chats_make_one_order_pinged_once_each(
    run: Run, db: DB
) -> None:
    await link_producer(run, "halong-pearl", "telegram:301")
    await link_producer(run, "halong-pearl", "web:pearl-shop")

    pearls, chicken = await place(run, [(TAHITI, 1), (CHICKEN, 1), (PEARL, 2)])

    assert [(i.product_id, i.quantity) for i in pearls.items] == [(TAHITI, 1), (PEARL, 2)]
    assert pearls.operator_routed is False and chicken.operator_routed is True
    assert sorted((r["recipient"], r["order_id"]) for r in await outbox_rows(db)) == sorted(
        [("telegram:301", pearls.id), ("web:pearl-shop", pearls.id), (OPERATOR, chicken.id)]
    )
    async with db() as session:
        stored = await OrderService(session).get(pearls.id)
    assert stored is not None and stored.items == pearls.items
    assert (stored.number, stored.created_at, stored.version) == (
        pearls.number,
        pearls.created_at,
        1,
    )


async def test_a_message_queued_twice_under_one_key_is_kept_once(db: DB, clock: FakeClock) -> None:
    async with db() as session, session.begin():
        outbox = OutboxRepository(session)
        first = await outbox.enqueue("web:a", "notice", {"text": "1"}, "notice:k", clock())
        again = await outbox.enqueue("web:a", "notice", {"text": "2"}, "notice:k", clock())
        other = await outbox.enqueue("web:a", "notice", {"text": "3"}, "notice:j", clock())
    assert (first, again, other) == (True, False, True)
    assert [r["payload"]["text"] for r in await outbox_rows(db)] == ["1", "3"]


async def test_opening_a_payment_again_keeps_the_first_one(
    run: Run, db: DB, clock: FakeClock
) -> None:
    [order] = await place(run, [(CHICKEN, 1)])

    async def open_twice(service: OrderService) -> tuple[object, object]:
        payments = PaymentService(service._session, clock)
        opened = await payments.open(order)
        await payments.mark_paid(order, "operator:test")
        return opened, await payments.open(order)

    opened, again = await run(open_twice)  # type: ignore[misc]
    assert opened.state == "unpaid" and opened.method == "cod"  # type: ignore[attr-defined]
    assert again.state == "paid" and again.content == opened.content  # type: ignore[attr-defined]
    async with db() as session:
        assert list(await session.scalars(select(OrderPayment.order_id))) == [order.id]
