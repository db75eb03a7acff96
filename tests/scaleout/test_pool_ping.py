"""PostgreSQL connections: one that died idle in the pool is renewed before anyone uses it,
and a busy pool does not pay a ping on every use."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from catalog.db import make_engine
from catalog.pool_ping import ping_when_idle
from tests.db_servers import fresh_postgres, pg_admin

pytestmark = pytest.mark.postgres


@pytest.fixture
async def database() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


async def kill_connections(url: str) -> int:
    """What a database restart does to the bot's pooled connections."""
    admin = await pg_admin()
    try:
        killed = await admin.fetch(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            url.rsplit("/", 1)[-1],
        )
    finally:
        await admin.close()
    return len(killed)


async def answer(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT 41 + 1"))).scalar_one())


async def test_connections_killed_while_idle_are_renewed_before_use(database: str) -> None:
    engine = make_engine(database)
    try:
        await asyncio.gather(*(answer(engine) for _ in range(3)))  # three pooled connections
        assert await kill_connections(database) == 3
        await asyncio.sleep(2.2)  # idle for longer than make_engine's ping threshold
        assert await asyncio.gather(*(answer(engine) for _ in range(3))) == [42, 42, 42]
    finally:
        await engine.dispose()


async def test_a_connection_handed_back_a_moment_ago_is_used_without_a_ping(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_async_engine(database)
    ping_when_idle(engine, after=0.3)
    pings = 0
    real_ping = engine.dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        nonlocal pings
        pings += 1
        return real_ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    try:
        for _ in range(20):  # a busy bot: each use right after the last
            assert await answer(engine) == 42
        assert pings == 0
        await asyncio.sleep(0.4)
        assert await answer(engine) == 42
        assert pings == 1  # idle long enough: checked once before use
    finally:
        await engine.dispose()
