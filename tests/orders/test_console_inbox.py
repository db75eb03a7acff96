"""Orders reach the console's inbox: at once without a producer chat, or once unanswered."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.console import Inbox
from tests.orders.conftest import CHICKEN, TEA, FakeClock, Run, link_producer, place

DB = async_sessionmaker[AsyncSession]


async def inbox_orders(db: DB) -> list[int | None]:
    async with db() as session:
        return [i.order_id for i in await Inbox(session).items() if i.kind == "order"]


async def test_an_order_nobody_answers_lands_in_the_inbox_once(
    run: Run, db: DB, clock: FakeClock
) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    [linked] = await place(run, [(TEA, 1)])
    assert await inbox_orders(db) == []  # the producer's chat has it

    clock.advance(timedelta(hours=6))
    await run(lambda s: s.due_reminders())
    assert await inbox_orders(db) == [linked.id]


async def test_an_order_without_a_producer_chat_is_in_the_inbox_at_once_and_only_once(
    run: Run, db: DB, clock: FakeClock
) -> None:
    [order] = await place(run, [(CHICKEN, 2)])
    assert await inbox_orders(db) == [order.id]
    clock.advance(timedelta(hours=7))
    await run(lambda s: s.due_reminders())
    assert await inbox_orders(db) == [order.id]
