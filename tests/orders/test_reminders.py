"""Unanswered pings: a reminder after remind_after, the operator told after escalate_after."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import ReminderReport
from tests.orders.conftest import CHICKEN, OPERATOR, TEA, FakeClock, Run, link_producer, place
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]


async def remind(run: Run) -> ReminderReport:
    return await run(lambda s: s.due_reminders())  # type: ignore[return-value]


async def test_a_ping_is_repeated_then_escalated_once_each(
    run: Run, db: DB, clock: FakeClock
) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    [order] = await place(run, [(TEA, 1)])

    clock.advance(timedelta(hours=1, minutes=59))
    assert await remind(run) == ReminderReport()
    clock.advance(timedelta(minutes=1))
    assert (await remind(run)).reminded == [order.number]
    clock.advance(timedelta(minutes=30))
    assert await remind(run) == ReminderReport()

    [reminder] = [r for r in await outbox_rows(db) if r["kind"] == "order.reminder"]
    assert (reminder["recipient"], reminder["key"]) == (
        "telegram:101",
        "orders.ping.producer.reminder",
    )
    assert reminder["payload"]["buttons"][0]["payload"] == f"o:acc:{order.id}:v1"

    clock.advance(timedelta(hours=3, minutes=30))  # 6 h after the order
    assert await remind(run) == ReminderReport(escalated=[order.number])
    clock.advance(timedelta(days=1))
    assert await remind(run) == ReminderReport()

    [escalation] = [r for r in await outbox_rows(db) if r["kind"] == "order.escalation"]
    assert (escalation["recipient"], escalation["key"]) == (OPERATOR, "orders.operator.escalated")
    assert escalation["payload"]["params"]["hours"] == 6
    assert escalation["payload"]["params"]["producer"]  # the operator sees whose order it is
    assert escalation["payload"]["buttons"] == []  # the producer answers, not the operator


async def test_answered_orders_are_left_alone(run: Run, db: DB, clock: FakeClock) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    [order] = await place(run, [(TEA, 1)])
    await run(lambda s: s.act(order.id, "accept", "telegram:101"))
    clock.advance(timedelta(days=2))
    assert await remind(run) == ReminderReport()


async def test_operator_routed_orders_remind_the_operator(
    run: Run, db: DB, clock: FakeClock
) -> None:
    [order] = await place(run, [(CHICKEN, 1)])
    clock.advance(timedelta(hours=7))
    report = await remind(run)
    assert report == ReminderReport(reminded=[order.number], escalated=[order.number])
    rows = [r for r in await outbox_rows(db) if r["kind"] != "order.new"]
    assert {(r["recipient"], r["kind"]) for r in rows} == {
        (OPERATOR, "order.reminder"),
        (OPERATOR, "order.escalation"),
    }
    [escalation] = [r for r in rows if r["kind"] == "order.escalation"]
    assert len(escalation["payload"]["buttons"]) == 2  # the operator answers these itself
