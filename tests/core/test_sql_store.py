"""Conversation state and dedup survive a restart, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from bot.core.messages import ConversationKey
from bot.core.sql_store import SqlDeduplicator, SqlStateStore, metadata
from bot.core.state import Conversation
from catalog.db import make_engine, make_session_factory, upgrade

KEY = ConversationKey("telegram", "42")


async def test_state_round_trips_and_survives_restart(empty_db_url: str) -> None:
    await upgrade(empty_db_url)
    conv = Conversation(lang="en", step="products:choose")
    conv.memory.focus_products(["mien-dong-binh-lieu"])
    engine = make_engine(empty_db_url)
    store = SqlStateStore(make_session_factory(engine))
    assert await store.get(KEY) is None
    await store.set(KEY, conv.to_dict())
    conv.memory.page = 2
    await store.set(KEY, conv.to_dict())
    await engine.dispose()

    engine = make_engine(empty_db_url)  # a new process: nothing cached
    try:
        again = SqlStateStore(make_session_factory(engine))
        restored = Conversation.from_dict(await again.get(KEY))
        assert restored == conv
        assert await again.get(ConversationKey("telegram", "43")) is None
    finally:
        await engine.dispose()


async def test_dedup_claims_once_even_concurrently(empty_db_url: str) -> None:
    await upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        dedup = SqlDeduplicator(make_session_factory(engine))
        results = await asyncio.gather(*(dedup.claim("zalo", "m1") for _ in range(4)))
        assert sorted(results) == [False, False, False, True]
        assert await dedup.claim("telegram", "m1") is True
        assert await dedup.prune() == 0
    finally:
        await engine.dispose()


def _diff(connection: Connection) -> list[object]:
    ours = set(metadata.tables)

    def include_name(name: str | None, type_: str, _parents: object) -> bool:
        return type_ != "table" or name in ours

    opts = {"compare_type": True, "include_name": include_name}
    return list(compare_metadata(MigrationContext.configure(connection, opts=opts), metadata))


async def test_migration_0002_matches_the_tables_the_stores_use(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()
