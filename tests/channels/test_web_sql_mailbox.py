"""The database mailbox on SQLite and PostgreSQL: pushes to one chat commit in id order."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import insert

from bot.channels.web.sql_mailbox import SqlMailbox, one_writer_per_chat, web_mailbox
from catalog.db import make_engine, upgrade
from tests.channels.mailboxes import texts


async def test_a_push_still_being_written_is_not_acknowledged_by_a_later_ones_poll(
    empty_db_url: str,
) -> None:
    """Regression guard: on PostgreSQL a push that took id 10 but committed after id 11 was
    handed to the page would be deleted unseen when the page acknowledged 11."""
    db = make_engine(empty_db_url)
    try:
        await upgrade(db)
        box = SqlMailbox(db, recheck=0.1)
        async with db.connect() as slow:  # another process's push, between insert and commit
            transaction = await slow.begin()
            await one_writer_per_chat(slow, "c1")
            row = {"chat_id": "c1", "message": {"text": "trước"}, "created_at": datetime.now(UTC)}
            await slow.execute(insert(web_mailbox), row)
            later = asyncio.create_task(box.put("c1", [{"text": "sau"}]))
            await asyncio.sleep(0.3)
            early = await box.take("c1", 0, after=0)  # the page polls meanwhile
            await transaction.commit()
        await later

        seen, after = texts(early), early[-1].id if early else 0
        while got := await box.take("c1", 0, after=after):
            seen, after = seen + texts(got), got[-1].id

        assert seen == ["trước", "sau"]
    finally:
        await db.dispose()


async def test_a_page_that_polled_redis_before_it_was_dropped_still_gets_the_pushes(
    empty_db_url: str,
) -> None:
    """Redis ids are clock-sized; the database's are small. A page still holding a Redis id
    must not acknowledge (delete unseen) every push the database queues for it."""
    db = make_engine(empty_db_url)
    try:
        await upgrade(db)
        box = SqlMailbox(db)
        await box.put("c1", [{"text": "Đơn hàng mới #C3"}])
        redis_id = 1_780_000_000_000_000

        [ping] = await box.take("c1", 0, after=redis_id)
        assert ping.message == {"text": "Đơn hàng mới #C3"} and ping.id < redis_id
        assert await box.take("c1", 0, after=ping.id) == []  # the page moved to the new ids
    finally:
        await db.dispose()


async def test_pushes_queued_before_migration_0012_keep_their_ids(empty_db_url: str) -> None:
    """0012 rebuilds the SQLite table with AUTOINCREMENT; queued pushes survive it."""
    db = make_engine(empty_db_url)
    try:
        await upgrade(db, "0007_durability")
        old = SqlMailbox(db)
        await old.put("c1", [{"text": "Đơn hàng mới #E1"}, {"text": "Đơn hàng mới #E2"}])
        before = await old.take("c1", 0, after=0)

        await upgrade(db)
        box = SqlMailbox(db)

        assert await box.take("c1", 0, after=0) == before
        await box.take("c1", 0, after=before[-1].id)  # all acknowledged: the table is empty
        [new] = await box.put("c1", [{"text": "Đơn #E1 đã được nhận"}])
        assert new > before[-1].id
    finally:
        await db.dispose()
