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
    bindparam,
    delete,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import ConversationKey
from bot.core.opening import DEDUP, STATE, Leg
from catalog.fast_sql import FastStatement

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
    Index("ix_conversation_state_updated_at", "updated_at"),  # migration 0007: retention
)

processed_message = Table(
    "processed_message",
    metadata,
    Column("channel", String(32), primary_key=True),
    Column("message_id", String(128), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("replies", JSON, nullable=True),  # migration 0007: what the message got
    Index("ix_processed_message_created_at", "created_at"),
)


def _now() -> datetime:
    return datetime.now(UTC)


def _key_params(key: ConversationKey) -> dict[str, str]:
    return {"k_channel": key.channel, "k_chat": key.chat_id, "k_namespace": key.namespace}


# Built once: SQLAlchemy then reuses their cache keys and compiled SQL on every turn.
_state_c = conversation_state.c
_BY_KEY = (
    _state_c.channel == bindparam("k_channel"),
    _state_c.chat_id == bindparam("k_chat"),
    _state_c.namespace == bindparam("k_namespace"),
)
GET_STATE = select(_state_c.data).where(*_BY_KEY)
UPDATE_STATE = (
    update(conversation_state)
    .where(*_BY_KEY)
    .values(data=bindparam("v_data"), updated_at=bindparam("v_updated_at"))
)
INSERT_STATE = insert(conversation_state).values(
    channel=bindparam("k_channel"),
    chat_id=bindparam("k_chat"),
    namespace=bindparam("k_namespace"),
    data=bindparam("v_data"),
    updated_at=bindparam("v_updated_at"),
)
_done_c = processed_message.c
REPLIES = select(_done_c.replies).where(
    _done_c.channel == bindparam("m_channel"), _done_c.message_id == bindparam("m_id")
)
# The opening read's legs (bot.core.opening): JSON values, so they may come first.
STATE_LEG = select(literal_column(f"'{STATE}'"), _state_c.data).where(*_BY_KEY)
DEDUP_LEG = select(literal_column(f"'{DEDUP}'"), _done_c.replies).where(
    _done_c.channel == bindparam("m_channel"), _done_c.message_id == bindparam("m_id")
)
CLAIM = insert(processed_message).values(
    channel=bindparam("m_channel"),
    message_id=bindparam("m_id"),
    created_at=bindparam("m_created_at"),
    replies=bindparam("m_replies"),
)


# What every turn writes goes to the driver directly (catalog.fast_sql).
_FAST_UPDATE_STATE = FastStatement(UPDATE_STATE)
_FAST_INSERT_STATE = FastStatement(INSERT_STATE)
_FAST_CLAIM = FastStatement(CLAIM)


def _claim_params(channel: str, message_id: str, replies: Any) -> dict[str, Any]:
    return {
        "m_channel": channel,
        "m_id": message_id[:128],
        "m_created_at": _now(),
        "m_replies": replies,
    }


class SessionState:
    """Conversation state on the caller's session: reads and writes, never commits."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        data = await self._session.scalar(GET_STATE, _key_params(key))
        return dict(data) if isinstance(data, dict) else None

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        """Portable upsert: update, else insert (IntegrityError if a racer inserted first)."""
        params = {**_key_params(key), "v_data": state, "v_updated_at": _now()}
        if await _FAST_UPDATE_STATE.run(self._session, params):
            return
        await _FAST_INSERT_STATE.run(self._session, params)


class SqlStateStore:
    """Keeps conversation state in the database, so a restart resumes every chat.

    Implements bot.core.state.SessionStateStore: the engine saves on the turn's session.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    def in_session(self, session: AsyncSession) -> SessionState:
        """The store on the caller's transaction (the turn commits the state)."""
        return SessionState(session)

    def opening_leg(self, key: ConversationKey) -> Leg:
        """The chat's state as a leg of the turn's opening read (its value: the state)."""
        return Leg(STATE, STATE_LEG, _key_params(key))

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        async with self._sessions() as session:
            return await SessionState(session).get(key)

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        # A racing insert of a new chat's row falls back to the update.
        for _attempt in range(2):
            try:
                async with self._sessions.begin() as session:
                    await SessionState(session).set(key, state)
                    return
            except IntegrityError:
                logger.info("state row for a %s chat appeared concurrently", key.channel)
        raise RuntimeError("could not save conversation state")


class SessionClaims:
    """Dedup claims on the caller's session (bot.core.dedup.SessionClaims)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, channel: str, message_id: str, replies: Any = None) -> bool:
        try:
            await _FAST_CLAIM.run(self._session, _claim_params(channel, message_id, replies))
        except IntegrityError:
            return False  # the caller rolls back: its transaction may be unusable now
        return True


class SqlDeduplicator:
    """Claims (channel, message_id) with a primary-key insert: exactly one claim wins.

    Implements bot.core.dedup.SessionDeduplicator: the engine claims in the turn's commit.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    def in_session(self, session: AsyncSession) -> SessionClaims:
        """Claims on the caller's transaction."""
        return SessionClaims(session)

    def opening_leg(self, channel: str, message_id: str) -> Leg:
        """Whether the message was claimed, as a leg of the turn's opening read (its row's
        value: the replies kept with the claim)."""
        return Leg(DEDUP, DEDUP_LEG, {"m_channel": channel, "m_id": message_id[:128]})

    async def claim(self, channel: str, message_id: str, replies: Any = None) -> bool:
        """Returns True the first time a (channel, message_id) pair is seen."""
        try:
            async with self._sessions.begin() as session:
                await session.execute(CLAIM, _claim_params(channel, message_id, replies))
        except IntegrityError:
            return False
        return True

    async def replies(self, channel: str, message_id: str) -> Any:
        """The replies stored with a claim (JSON), or None."""
        async with self._sessions() as session:
            return await session.scalar(REPLIES, {"m_channel": channel, "m_id": message_id[:128]})

    async def prune(self, older_than: timedelta = timedelta(days=7)) -> int:
        """Forgets message ids older than `older_than`; returns how many were deleted."""
        cutoff = _now() - older_than
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(processed_message).where(processed_message.c.created_at < cutoff)
            )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
