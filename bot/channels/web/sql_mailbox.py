"""A Mailbox in the database (table ``web_mailbox``, migrations 0007 and 0012): the default.

A push for a web chat is a row until a poll acknowledges it: a poll returns the rows after
the id it names (``after``) and deletes those up to it, so a restart, a crash or a response
lost on the way loses nothing, and any process sharing the database can serve the poll.
Ids come from the table (AUTOINCREMENT on SQLite, a sequence on PostgreSQL): never reused.
Without Redis, a poll waiting in another process notices a new row within ``recheck`` s.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import BindParameter

from bot.channels.web.mailbox import Message, Pushed
from bot.channels.web.waiters import Waiters

logger = logging.getLogger(__name__)

metadata = MetaData()

#: Mirrors migrations 0007_durability and 0012_web_mailbox_ids; the migrations own the schema.
web_mailbox = Table(
    "web_mailbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False),
    Column("message", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_web_mailbox_chat_id", "chat_id", "id"),
    sqlite_autoincrement=True,
)
_c = web_mailbox.c
BATCH = 100  # messages handed to one poll; the rest wait for the next
#: PostgreSQL advisory lock space (with the chat's hash) for pushes to one chat.
PG_PUSH_LOCK = 7_420_2027


class SqlMailbox:
    """Per-chat rows (at most ``limit`` kept, the oldest dropped and logged) plus wake-ups."""

    def __init__(self, engine: AsyncEngine, *, limit: int = 200, recheck: float = 1.0) -> None:
        self._engine = engine
        self._limit = limit
        self._recheck = recheck
        self._waiters = Waiters()

    async def start(self) -> None:
        """Nothing to start: the table is there after the migrations."""

    async def put(self, chat_id: str, messages: list[Message]) -> list[int]:
        """Stores messages for a chat (committed before this returns), wakes its poll and
        returns their ids."""
        if not messages:
            return []
        now = datetime.now(UTC)
        rows = [{"chat_id": chat_id, "message": m, "created_at": now} for m in messages]
        async with self._engine.begin() as conn:
            await one_writer_per_chat(conn, chat_id)
            ids = [
                (await conn.execute(insert(web_mailbox).returning(_c.id), row)).scalar_one()
                for row in rows
            ]
            count = await conn.scalar(
                select(func.count()).select_from(web_mailbox).where(_c.chat_id == chat_id)
            )
            if count and count > self._limit:
                logger.warning(
                    "web chat %s: dropping %d undelivered messages", chat_id, count - self._limit
                )
                oldest = (
                    select(_c.id)
                    .where(_c.chat_id == chat_id)
                    .order_by(_c.id)
                    .limit(count - self._limit)
                    .scalar_subquery()
                )
                await conn.execute(delete(web_mailbox).where(_c.id.in_(oldest)))
        self._waiters.wake(chat_id)
        return ids

    async def take(
        self,
        chat_id: str,
        wait: float,
        wanted: Callable[[], bool] = lambda: True,
        after: int | None = None,
    ) -> list[Pushed]:
        """Returns the chat's messages after ``after`` (deleting those up to it), waiting up
        to ``wait`` s for some; without ``after``, returns and deletes them."""
        since = await self._acknowledge(chat_id, after) if after else after

        def read() -> Awaitable[list[Pushed]]:
            return self._drain(chat_id) if since is None else self._read(chat_id, since)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            remaining = deadline - loop.time()
            step = min(max(remaining, 0.0), self._recheck)
            found = await self._waiters.wait_unless(chat_id, step, read)
            if found:
                return found
            if remaining <= self._recheck or self._waiters.closed or not wanted():
                break
        if not wanted():
            return []
        return await read()

    async def _acknowledge(self, chat_id: str, after: int) -> int:
        """Deletes the chat's messages up to ``after``; returns the id to read after: 0 for
        an ``after`` above every id in the table (a page that polled Redis before Redis was
        dropped), which acknowledges nothing and gets everything queued, with the new ids."""
        newest = select(func.max(_c.id)).scalar_subquery()
        oldest = select(func.min(_c.id)).where(_c.chat_id == chat_id).scalar_subquery()
        async with self._engine.connect() as conn:
            table_newest, chat_oldest = (await conn.execute(select(newest, oldest))).one()
        if table_newest is not None and after > table_newest:
            return 0
        if chat_oldest is not None and chat_oldest <= after:  # a poll that acknowledged
            async with self._engine.begin() as conn:  # nothing new writes nothing
                mine = delete(web_mailbox).where(_c.chat_id == chat_id, _c.id <= _big(after))
                await conn.execute(mine)
        return after

    async def _read(self, chat_id: str, after: int) -> list[Pushed]:
        query = (
            select(_c.id, _c.message)
            .where(_c.chat_id == chat_id, _c.id > _big(after))
            .order_by(_c.id)
            .limit(BATCH)
        )
        async with self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [Pushed(id_, message) for id_, message in rows]

    async def _drain(self, chat_id: str) -> list[Pushed]:
        ids = (
            select(_c.id)
            .where(_c.chat_id == chat_id)
            .order_by(_c.id)
            .limit(BATCH)
            .scalar_subquery()
        )
        query = delete(web_mailbox).where(_c.id.in_(ids)).returning(_c.id, _c.message)
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).all()
        return [Pushed(id_, message) for id_, message in sorted(rows, key=lambda row: row[0])]

    async def close(self) -> None:
        """Releases every waiting poll."""
        self._waiters.wake_all()


def _big(value: int) -> BindParameter[int]:
    """An id from a page as a BIGINT parameter (PostgreSQL's id column is a 32-bit one)."""
    return literal(value, BigInteger())


async def one_writer_per_chat(conn: AsyncConnection, chat_id: str) -> None:
    """Makes pushes to one chat commit in the order of their ids.

    A poll acknowledges every id up to the newest it received; on PostgreSQL a push that
    took id 10 but committed after id 11 was handed out would be deleted unseen. SQLite
    has one writer at a time already.
    """
    if conn.dialect.name == "postgresql":
        await conn.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:chat))"),
            {"space": PG_PUSH_LOCK, "chat": chat_id},
        )
