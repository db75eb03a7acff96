"""The catalog's read-through cache: hits, expiry, size, and the service using it."""

from __future__ import annotations

import datetime

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.cache import CatalogCache
from catalog.db import make_engine, make_session_factory
from catalog.services import CatalogService


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_a_result_is_served_until_it_expires() -> None:
    clock = Clock()
    cache = CatalogCache(ttl=5.0, clock=clock)
    loads: list[int] = []

    async def load() -> int:
        loads.append(1)
        return len(loads)

    assert await cache.get_or_load("k", load) == 1
    clock.now = 4.9
    assert await cache.get_or_load("k", load) == 1
    clock.now = 5.0
    assert await cache.get_or_load("k", load) == 2
    cache.clear()
    assert await cache.get_or_load("k", load) == 3


async def test_the_least_recently_used_result_goes_first() -> None:
    cache = CatalogCache(size=2)

    async def value() -> str:
        return "v"

    for key in ("a", "b", "a", "c"):
        await cache.get_or_load(key, value)
    assert len(cache) == 2

    async def fresh() -> str:
        return "fresh"

    assert await cache.get_or_load("a", fresh) == "v"
    assert await cache.get_or_load("b", fresh) == "fresh"


async def _count_queries(sessions: async_sessionmaker[AsyncSession], repeat: int) -> int:
    statements: list[str] = []
    engine = sessions.kw["bind"].sync_engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        for _ in range(repeat):
            async with sessions() as session:
                service = CatalogService(session)
                districts = await service.list_districts()
                districts.clear()  # a caller's list is its own
                assert await service.get_product("no-such-product") is None
                assert (await service.search_products(text="mien")).total >= 0
                today = datetime.date(2026, 1, 10)
                assert (await service.events(today=today, month=12)) == []
                assert await service.get_event("no-such-event") is None
                assert await service.events_featuring("mien-dong-binh-lieu") == []
                assert await service.figures() == []
                assert await service.online_platforms() == []
                assert await service.ocop_centres("dam-ha") == []
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(statements)


async def test_the_service_reads_through_the_factory_cache(empty_db_url: str) -> None:
    from catalog.db import upgrade

    await upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        uncached = await _count_queries(make_session_factory(engine), 3)
        cached = make_session_factory(engine, catalog_cache=CatalogCache())
        first = await _count_queries(cached, 1)
        assert await _count_queries(cached, 3) == 0
        assert uncached >= 3 * first > 0  # cached: the events are read once for two reads
        async with cached() as session:
            assert await CatalogService(session).list_districts() == []
    finally:
        await engine.dispose()
