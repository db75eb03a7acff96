"""The outbox dispatcher: rendering, exactly-once marking, retries with backoff, leases."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.notify import Backoff, OutboxDispatcher
from catalog.orders import OrderDTO, OutboxRepository
from tests.orders.conftest import TEA, FakeClock, Run, link_producer, place
from tests.orders.fake_channels import RecordingChannel, renderer
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]


def dispatcher(db: DB, clock: FakeClock, *channels: RecordingChannel) -> OutboxDispatcher:
    return OutboxDispatcher(db, {c.name: c for c in channels}, renderer(), clock)


async def tea_order(run: Run) -> OrderDTO:
    await link_producer(run, "quy-hoa", "telegram:101")
    [order] = await place(run, [(TEA, 2)])
    return order


async def test_a_ping_is_rendered_delivered_and_marked_once(
    run: Run, db: DB, clock: FakeClock
) -> None:
    order = await tea_order(run)
    telegram = RecordingChannel("telegram")
    worker = dispatcher(db, clock, telegram)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 0
    [(chat_id, [reply])] = telegram.sent
    assert chat_id == "101"
    assert reply.text.startswith(f"Đơn mới {order.number}:\n• 2 × ")
    assert "Giao tới: 12 Trần Hưng Đạo" in reply.text and "Thanh toán khi nhận hàng" in reply.text
    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Nhận đơn", f"o:acc:{order.id}:v1"),
        ("Từ chối", f"o:dec:{order.id}:v1"),
    ]
    [row] = await outbox_rows(db)
    assert (row["attempts"], row["delivered_at"]) == (1, clock.now)


async def test_the_customer_hears_in_their_language(run: Run, db: DB, clock: FakeClock) -> None:
    from catalog.orders import CartLine, Contact, Customer, Delivery, OrderService

    await link_producer(run, "quy-hoa", "telegram:101")
    async with db() as session, session.begin():
        service = OrderService(session, clock)
        [order] = await service.place(
            Customer("web:tourist", "en"),
            [CartLine(TEA, 1)],
            Contact("Anna", "+84 912 345 678"),
            Delivery("delivery", address="Bãi Cháy"),
            None,
            "m1",
        )
        await service.act(order.id, "accept", "telegram:101")
    web, telegram = RecordingChannel("web"), RecordingChannel("telegram")
    assert await dispatcher(db, clock, web, telegram).run_once() == 2
    assert [(c, r[0].text) for c, r in web.sent] == [
        ("tourist", f"Order {order.number} was accepted.")
    ]


async def test_failures_are_retried_with_exponential_backoff(
    run: Run, db: DB, clock: FakeClock
) -> None:
    await tea_order(run)
    telegram = RecordingChannel("telegram", failures=2)
    worker = dispatcher(db, clock, telegram)
    start = clock.now

    assert await worker.run_once() == 0
    [row] = await outbox_rows(db)
    assert row["next_attempt_at"] == start + timedelta(seconds=5)
    assert "ConnectionError" in row["last_error"] and "AAAAAAAA" not in row["last_error"]
    clock.advance(timedelta(seconds=4))
    assert await worker.run_once() == 0  # not due yet
    assert [r["attempts"] for r in await outbox_rows(db)] == [1]
    clock.advance(timedelta(seconds=1))
    assert await worker.run_once() == 0
    [row] = await outbox_rows(db)
    assert (row["attempts"], row["next_attempt_at"]) == (2, clock.now + timedelta(seconds=10))
    clock.advance(timedelta(seconds=10))
    assert await worker.run_once() == 1
    assert await worker.run_once() == 0
    [row] = await outbox_rows(db)
    assert (row["attempts"], row["last_error"], len(telegram.sent)) == (3, None, 1)


def test_backoff_doubles_up_to_its_cap() -> None:
    backoff = Backoff(base=timedelta(seconds=5), cap=timedelta(hours=1))
    assert [backoff.after(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert backoff.after(50) == timedelta(hours=1)


async def test_a_message_for_a_missing_channel_is_kept_not_dropped(
    run: Run, db: DB, clock: FakeClock
) -> None:
    await tea_order(run)
    worker = dispatcher(db, clock, RecordingChannel("web"))
    for _ in range(12):
        await worker.run_once()
        clock.advance(timedelta(hours=1))
    [row] = await outbox_rows(db)
    assert row["delivered_at"] is None and row["attempts"] == 12
    assert "no channel 'telegram'" in row["last_error"]
    telegram = RecordingChannel("telegram")
    assert await dispatcher(db, clock, telegram).run_once() == 1
    assert len(telegram.sent) == 1


async def test_a_claim_keeps_others_off_until_its_lease_ends(
    run: Run, db: DB, clock: FakeClock
) -> None:
    await tea_order(run)
    async with db() as session, session.begin():  # a dispatcher that claims, then dies
        [lost] = await OutboxRepository(session).claim_due(clock.now, 10, timedelta(minutes=2))
    telegram = RecordingChannel("telegram")
    worker = dispatcher(db, clock, telegram)
    assert await worker.run_once() == 0
    clock.advance(timedelta(minutes=2))
    assert await worker.run_once() == 1
    async with db() as session, session.begin():  # the dead one's late mark changes nothing
        assert not await OutboxRepository(session).mark_delivered(lost, clock.now)
    assert len(telegram.sent) == 1 and (await outbox_rows(db))[0]["attempts"] == 2
