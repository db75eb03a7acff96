"""The durable webhook inbox shared by the Telegram, Zalo Bot and Zalo OA webhooks.

A webhook update is answered 200 only after its row is committed (table ``webhook_inbox``,
migration 0007); it is then processed from that record and marked processed when its task
has finished. A crash after the 200 leaves an unprocessed row, which the next start-up of
any process feeds again (the engine's de-duplication keeps a turn that did commit from
running twice). The same body posted again (the platform retrying) is a no-op.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

logger = logging.getLogger(__name__)

metadata = MetaData()

#: Mirrors catalog/migrations/versions/0007_durability.py; the migration owns the schema.
webhook_inbox = Table(
    "webhook_inbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False),
    Column("update_key", String(128), nullable=False),
    Column("body", JSON, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    UniqueConstraint("channel", "update_key", name="uq_webhook_inbox_update"),
    Index("ix_webhook_inbox_pending", "channel", "processed_at"),
    Index("ix_webhook_inbox_received_at", "received_at"),
)
_c = webhook_inbox.c

#: A channel's own feed: schedules one raw update, returns its task (None: skipped).
Feed = Callable[[Any], "asyncio.Task[Any] | None"]
#: What a webhook handler awaits before answering 200.
DurableFeed = Callable[[Any], Awaitable[None]]


def update_key(body: Any) -> str:
    """The same update posted twice has the same key (a hash of its canonical JSON)."""
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class WebhookInbox:
    """Records webhook updates before the 200 and marks them once processed."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._marks: set[asyncio.Task[None]] = set()

    def durable(self, channel: str, feed: Feed) -> DurableFeed:
        """Wraps a channel's feed: record (raises if the database refuses), then feed."""

        async def accept(body: Any) -> None:
            row = await self.record(channel, body)
            if row is None:
                # Posted again: the platform missed our 200. If the process that recorded
                # it died before processing it, run it here (the engine drops a double).
                row = await self._unprocessed(channel, body)
                if row is None:
                    logger.info("%s webhook: an update received before, ignored", channel)
                    return
            self._track(row, feed(body))

        return accept

    async def record(self, channel: str, body: Any) -> int | None:
        """Commits the update; returns its row id, or None if it was recorded before."""
        row = {
            "channel": channel,
            "update_key": update_key(body),
            "body": body,
            "received_at": datetime.now(UTC),
            "attempts": 1,
        }
        try:
            async with self._sessions.begin() as session:
                result = await session.execute(insert(webhook_inbox).values(**row))
        except IntegrityError:
            return None
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    async def _unprocessed(self, channel: str, body: Any) -> int | None:
        key = update_key(body)
        query = select(_c.id).where(
            _c.channel == channel, _c.update_key == key, _c.processed_at.is_(None)
        )
        async with self._sessions.begin() as session:
            row_id = await session.scalar(query)
            if row_id is not None:
                await session.execute(
                    update(webhook_inbox).where(_c.id == row_id).values(attempts=_c.attempts + 1)
                )
        return row_id

    async def recover(self, channel: str, feed: Feed, limit: int = 1000) -> int:
        """Feeds again the channel's updates that were recorded but never marked processed."""
        query = (
            select(_c.id, _c.body)
            .where(_c.channel == channel, _c.processed_at.is_(None))
            .order_by(_c.id)
            .limit(limit)
        )
        async with self._sessions.begin() as session:
            rows = (await session.execute(query)).all()
            if rows:
                ids = [row_id for row_id, _ in rows]
                await session.execute(
                    update(webhook_inbox).where(_c.id.in_(ids)).values(attempts=_c.attempts + 1)
                )
        for row_id, body in rows:
            self._track(row_id, feed(body))
        if rows:
            logger.warning(
                "%s: %d webhook updates left unprocessed; processing them", channel, len(rows)
            )
        return len(rows)

    def _track(self, row_id: int, task: asyncio.Task[Any] | None) -> None:
        if task is None:  # skipped (a kind we do not handle): nothing left to do
            self._mark_later(row_id)
            return

        def finished(done: asyncio.Task[Any]) -> None:
            if not done.cancelled():  # cancelled at shutdown: the next start runs it
                self._mark_later(row_id)

        task.add_done_callback(finished)

    def _mark_later(self, row_id: int) -> None:
        mark = asyncio.get_running_loop().create_task(self.processed(row_id))
        self._marks.add(mark)
        mark.add_done_callback(self._marks.discard)

    async def processed(self, row_id: int) -> None:
        """Marks one update processed (a failure only means it runs again, a no-op)."""
        try:
            async with self._sessions.begin() as session:
                await session.execute(
                    update(webhook_inbox)
                    .where(_c.id == row_id)
                    .values(processed_at=datetime.now(UTC))
                )
        except Exception:
            logger.exception("webhook inbox: could not mark update %d processed", row_id)

    async def drain(self) -> None:
        """Waits for the pending marks (shutdown, tests)."""
        while self._marks:
            await asyncio.wait(set(self._marks))

    async def prune(self, older_than: timedelta) -> int:
        """Forgets processed updates older than ``older_than``; returns how many."""
        cutoff = datetime.now(UTC) - older_than
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(webhook_inbox).where(_c.processed_at.is_not(None), _c.received_at < cutoff)
            )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
