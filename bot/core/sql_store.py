"""SQL-backed conversation state and de-duplication (tables from migration 0002)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import ConversationKey

logger = logging.getLogger(__name__)

metadata = MetaData()

conversation_state = Table(
    "conversation_state",
    metadata,
    Column("channel", String(32), primary_key=True),
    Column("chat_id", String(128), primary_key=True),
    Column("namespace", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

processed_message = Table(
    "processed_message",
    metadata,
    Column("channel", String(32), primary_key=True),
    Column("message_id", String(128), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_processed_message_created_at", "created_at"),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _where(key: ConversationKey) -> tuple[Any, ...]:
    c = conversation_state.c
    return (c.channel == key.channel, c.chat_id == key.chat_id, c.namespace == key.namespace)


class SqlStateStore:
    """Keeps conversation state in the database, so a restart resumes every chat."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        async with self._sessions() as session:
            query = select(conversation_state.c.data).where(*_where(key))
            data = await session.scalar(query)
        return dict(data) if isinstance(data, dict) else None

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        # Portable upsert: update, else insert; a racing insert falls back to the update.
        values = {"data": state, "updated_at": _now()}
        for _attempt in range(2):
            try:
                async with self._sessions() as session, session.begin():
                    changed = await session.execute(
                        update(conversation_state).where(*_where(key)).values(**values)
                    )
                    if changed.rowcount:  # type: ignore[attr-defined]
                        return
                    await session.execute(
                        insert(conversation_state).values(
                            channel=key.channel,
                            chat_id=key.chat_id,
                            namespace=key.namespace,
                            **values,
                        )
                    )
                    return
            except IntegrityError:
                logger.info("state row for a %s chat appeared concurrently", key.channel)
        raise RuntimeError("could not save conversation state")


class SqlDeduplicator:
    """Claims (channel, message_id) with a primary-key insert: exactly one claim wins."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def claim(self, channel: str, message_id: str) -> bool:
        """Returns True the first time a (channel, message_id) pair is seen."""
        try:
            async with self._sessions() as session, session.begin():
                await session.execute(
                    insert(processed_message).values(
                        channel=channel, message_id=message_id[:128], created_at=_now()
                    )
                )
        except IntegrityError:
            return False
        return True

    async def prune(self, older_than: timedelta = timedelta(days=7)) -> int:
        """Forgets message ids older than `older_than`; returns how many were deleted."""
        cutoff = _now() - older_than
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(processed_message).where(processed_message.c.created_at < cutoff)
            )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
