"""Transcripts in the database (table ``web_transcript``, migration 0009): survive restarts."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.channels.web.transcript import KEEP, Entry, bot_entries
from bot.core.messages import Reply
from catalog import json_codec
from catalog.fast_sql import FastStatement

logger = logging.getLogger(__name__)

metadata = MetaData()

#: Mirrors migrations 0009_conversations and 0007_durability; the migrations own the schema.
web_transcript = Table(
    "web_transcript",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False),
    Column("entry", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_web_transcript_chat_id", "chat_id", "id"),
    Index("ix_web_transcript_created_at", "created_at"),  # migration 0007: retention
)


_APPEND = insert(web_transcript).values(
    chat_id=bindparam("chat_id"), entry=bindparam("entry"), created_at=bindparam("created_at")
)
_FAST_APPEND = FastStatement(_APPEND)  # every web message's history: straight to the driver


def over_keep(keep: int = KEEP) -> Any:
    """The entries beyond each chat's newest ``keep`` (the retention pruner deletes them:
    a turn only appends, so the history costs one insert per message)."""
    table = web_transcript
    ranked = select(
        table.c.id,
        func.row_number()
        .over(partition_by=table.c.chat_id, order_by=table.c.id.desc())
        .label("newest_first"),
    ).subquery()
    return delete(table).where(
        table.c.id.in_(select(ranked.c.id).where(ranked.c.newest_first > keep))
    )


def _rows(chat_id: str, entries: list[Entry]) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    return [
        {"chat_id": chat_id, "entry": json_codec.dumps(e), "created_at": now}
        for e in entries
    ]


class SqlTranscript:
    """A Transcript on any SQLAlchemy async engine; keeps the last ``keep`` entries a chat."""

    def __init__(self, engine: AsyncEngine, keep: int = KEEP) -> None:
        self._engine = engine
        self._keep = keep

    def in_turn(
        self, chat_id: str, shown: Entry | None
    ) -> Callable[[AsyncSession, list[Reply]], Awaitable[None]]:
        """Appends the visitor's message and the bot's replies on the turn's own session, so
        the history commits with the turn (bot.core.engine's keeper): one insert, no commit
        of its own. Older entries than ``keep`` go with the hourly retention pass."""

        async def keep(session: AsyncSession, replies: list[Reply]) -> None:
            entries = [*([shown] if shown else []), *bot_entries(replies)]
            if entries:
                await _FAST_APPEND.run_many(session, _rows(chat_id, entries))

        return keep

    async def append(self, chat_id: str, entries: list[Entry]) -> None:
        if not entries:
            return
        rows = _rows(chat_id, entries)
        table = web_transcript
        async with self._engine.begin() as conn:
            await conn.execute(_APPEND, rows)
            oldest_kept = await conn.scalar(
                select(table.c.id)
                .where(table.c.chat_id == chat_id)
                .order_by(table.c.id.desc())
                .offset(self._keep - 1)
                .limit(1)
            )
            if oldest_kept is not None:
                await conn.execute(
                    delete(table).where(table.c.chat_id == chat_id, table.c.id < oldest_kept)
                )

    async def read(self, chat_id: str) -> list[Entry]:
        table = web_transcript
        query = (
            select(table.c.entry)
            .where(table.c.chat_id == chat_id)
            .order_by(table.c.id.desc())
            .limit(self._keep)
        )
        async with self._engine.connect() as conn:
            rows = list((await conn.execute(query)).scalars())
        entries = []
        for raw in reversed(rows):
            try:
                entries.append(json_codec.loads(raw))
            except ValueError:
                logger.warning("web chat %s: an unreadable transcript entry was skipped", chat_id)
        return entries
