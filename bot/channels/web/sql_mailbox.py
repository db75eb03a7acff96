"""A Mailbox in the database (table ``web_mailbox``, migration 0007): the default.

A push for a web chat is a row until a poll takes it: the poll deletes the rows it returns
in one commit (``DELETE … RETURNING``, so two polls never get the same row), a restart or
a crash in between loses nothing, and any process sharing the database can serve the poll.
Without Redis, a poll waiting in another process notices a new row within ``recheck`` s.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    JSON,
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
    select,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.web.mailbox import Message, Waiters

logger = logging.getLogger(__name__)

metadata = MetaData()

#: Mirrors catalog/migrations/versions/0007_durability.py; the migration owns the schema.
web_mailbox = Table(
    "web_mailbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False),
    Column("message", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_web_mailbox_chat_id", "chat_id", "id"),
)
_c = web_mailbox.c
BATCH = 100  # messages handed to one poll; the rest wait for the next


class SqlMailbox:
    """Per-chat rows (at most ``limit`` kept, the oldest dropped and logged) plus wake-ups."""

    def __init__(self, engine: AsyncEngine, *, limit: int = 200, recheck: float = 1.0) -> None:
        self._engine = engine
        self._limit = limit
        self._recheck = recheck
        self._waiters = Waiters()

    async def start(self) -> None:
        """Nothing to start: the table is there after the migrations."""

    async def put(self, chat_id: str, messages: list[Message]) -> None:
        """Stores messages for a chat (committed before this returns) and wakes its poll."""
        if not messages:
            return
        now = datetime.now(UTC)
        rows = [{"chat_id": chat_id, "message": m, "created_at": now} for m in messages]
        async with self._engine.begin() as conn:
            await conn.execute(insert(web_mailbox), rows)
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

    async def take(
        self, chat_id: str, wait: float, wanted: Callable[[], bool] = lambda: True
    ) -> list[Message]:
        """Returns (and deletes) the chat's messages, waiting up to ``wait`` s for some."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            remaining = deadline - loop.time()
            step = min(max(remaining, 0.0), self._recheck)
            found = await self._waiters.wait_unless(chat_id, step, lambda: self._drain(chat_id))
            if found:
                return found
            if remaining <= self._recheck or self._waiters.closed or not wanted():
                break
        if not wanted():
            return []
        return await self._drain(chat_id)

    async def _drain(self, chat_id: str) -> list[Message]:
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
        return [message for _id, message in sorted(rows, key=lambda row: row[0])]

    async def prune(self, older_than: timedelta) -> int:
        """Deletes messages nobody polled for ``older_than``; returns how many."""
        cutoff = datetime.now(UTC) - older_than
        async with self._engine.begin() as conn:
            result = await conn.execute(delete(web_mailbox).where(_c.created_at < cutoff))
        return int(result.rowcount or 0)

    async def close(self) -> None:
        """Releases every waiting poll."""
        self._waiters.wake_all()
