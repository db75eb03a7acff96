"""The outbox-backed Notifier and the reminder pass the composition root runs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import Button, Reply
from bot.notify import OutboxDispatcher
from bot.order_reminders import remind_once
from bot.outbox_notifier import OutboxNotifier
from catalog.orders import OrderPolicy
from tests.orders.conftest import TEA, FakeClock, Run, place
from tests.orders.fake_channels import RecordingChannel, renderer

DB = async_sessionmaker[AsyncSession]


async def test_a_notice_is_queued_then_delivered_with_its_buttons(
    db: DB, clock: FakeClock
) -> None:
    notifier = OutboxNotifier(db, clock)
    reply = Reply("Khách cần người hỗ trợ", buttons=(Button("Trả lời", "h:reply:1"),))
    assert await notifier.notify("telegram:900", [reply])
    assert not await notifier.notify("not-an-address", [reply])
    telegram = RecordingChannel("telegram", failures=1)  # the first try fails: kept, retried
    worker = OutboxDispatcher(db, {"telegram": telegram}, renderer(), clock)
    assert await worker.run_once() == 0
    clock.advance(timedelta(seconds=5))
    assert await worker.run_once() == 1
    assert telegram.sent == [("900", [reply])]


async def test_the_reminder_pass_fires_once_across_repeated_runs(
    run: Run, db: DB, clock: FakeClock, policy: OrderPolicy
) -> None:
    [order] = await place(run, [(TEA, 1)])
    clock.advance(timedelta(hours=6))
    first = await remind_once(db, policy, clock)
    again = await remind_once(db, policy, clock)
    assert (first.reminded, first.escalated) == ([order.number], [order.number])
    assert (again.reminded, again.escalated) == ([], [])
