"""Sessions in the database (table ``web_sessions``, migration 0003) so they survive restarts."""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Index, MetaData, String, Table, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger(__name__)

metadata = MetaData()

#: Mirrors catalog/migrations/versions/0003_web_sessions.py; the migration owns the schema.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("chat_id", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_web_sessions_created_at", "created_at"),  # migration 0007: retention
)


class SqlSessionStore:
    """A SessionStore on any SQLAlchemy async engine (SQLite or PostgreSQL).

    Sessions never change once issued, so lookups are cached in a bounded LRU; a process
    that has never seen a token (another worker made it) falls back to the database.
    """

    def __init__(self, engine: AsyncEngine, cache_size: int = 10_000) -> None:
        self._engine = engine
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cache_size = cache_size

    async def create(self, token_hash: str, chat_id: str) -> None:
        """Stores a newly issued session."""
        row = {"token_hash": token_hash, "chat_id": chat_id, "created_at": datetime.now(UTC)}
        async with self._engine.begin() as conn:
            await conn.execute(insert(web_sessions).values(**row))
        self._remember(token_hash, chat_id)

    async def find(self, token_hash: str) -> str | None:
        """Returns the chat id for a token hash, or None."""
        chat_id = self._cache.get(token_hash)
        if chat_id is not None:
            self._cache.move_to_end(token_hash)
            return chat_id
        query = select(web_sessions.c.chat_id).where(web_sessions.c.token_hash == token_hash)
        async with self._engine.connect() as conn:
            chat_id = (await conn.execute(query)).scalar_one_or_none()
        if chat_id is not None:
            self._remember(token_hash, chat_id)
        return chat_id

    def _remember(self, token_hash: str, chat_id: str) -> None:
        self._cache[token_hash] = chat_id
        self._cache.move_to_end(token_hash)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
