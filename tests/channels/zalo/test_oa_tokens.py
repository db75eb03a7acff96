"""OA tokens: refreshed before expiry and on the expired-token error, once for a whole
burst of pings, rotated refresh token kept in the store (memory and SQL) across restarts;
quota errors wait and retry, never drop."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.zalo_oa import MemoryTokenStore, OaTokens, SqlTokenStore
from bot.core.messages import Reply
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.fake_oa_api import APP_ID, FIRST_REFRESH, FakeZaloOA
from tests.channels.zalo.oa_fixtures import OaSetup

MakeOa = Callable[..., Awaitable[OaSetup]]


async def ping_burst(oa: OaSetup, users: list[str], count: int) -> None:
    """`count` pings to each user at once, as the outbox dispatcher sends a batch."""
    pings = [oa.channel.send(u, [Reply(f"Đơn mới #{i}")]) for u in users for i in range(count)]
    await asyncio.gather(*pings)


async def test_an_expired_token_is_refreshed_once_during_a_ping_burst(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    store = MemoryTokenStore()
    oa = await make_oa(FakeEngine(), store)
    await oa.channel.send("p-1", [Reply("trước")])
    oa_api.expire()
    await ping_burst(oa, ["p-1", "p-2", "p-3"], 10)
    assert len(oa_api.refreshes) == 1
    for user in ("p-1", "p-2", "p-3"):
        assert oa_api.texts(user)[-10:] == [f"Đơn mới #{i}" for i in range(10)]
    saved = store.saved[APP_ID]
    assert (saved.access_token, saved.refresh_token) == (oa_api.access, oa_api.refresh)
    assert saved.refresh_token != FIRST_REFRESH and store.saves == 1


async def test_a_token_about_to_expire_is_refreshed_before_use(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    now = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    store = MemoryTokenStore()
    await store.save(APP_ID, OaTokens("at-0", FIRST_REFRESH, now + timedelta(minutes=5)))
    oa = await make_oa(FakeEngine(), store, clock=lambda: now)
    await ping_burst(oa, ["p-4"], 5)
    assert len(oa_api.refreshes) == 1
    assert all(c.access_token == oa_api.access for c in oa_api.delivered("p-4"))
    assert store.saved[APP_ID].expires_at == now + timedelta(seconds=oa_api.expires_in)


async def test_only_a_refresh_token_in_the_environment_is_enough(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    oa = await make_oa(FakeEngine(), access_token=None)
    await oa.channel.send("p-5", [Reply("xin chào")])
    assert len(oa_api.refreshes) == 1 and oa_api.texts("p-5") == ["xin chào"]


async def test_a_restart_uses_the_rotated_refresh_token_from_the_database(
    oa_api: FakeZaloOA,
    make_oa: MakeOa,
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    store = SqlTokenStore(catalog_session_factory)
    first = await make_oa(FakeEngine(), store)
    oa_api.expire()
    await first.channel.send("p-6", [Reply("một")])
    await first.channel.stop()
    rotated = oa_api.refresh
    oa_api.expire()  # a day later: the environment's tokens are long dead
    second = await make_oa(FakeEngine(), SqlTokenStore(catalog_session_factory))
    await second.channel.send("p-6", [Reply("hai")])
    assert oa_api.texts("p-6") == ["một", "hai"]
    assert [c.body["refresh_token"] for c in oa_api.refreshes] == [FIRST_REFRESH, rotated]
    loaded = await store.load(APP_ID)
    assert loaded is not None and loaded.refresh_token == oa_api.refresh
    assert loaded.expires_at is not None and loaded.expires_at.tzinfo is not None
    assert "rt-" not in repr(loaded) and await store.load("another-app") is None


async def test_quota_errors_back_off_and_every_ping_arrives_in_order(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    oa = await make_oa(FakeEngine())
    oa_api.fail_cs(4, code=-32)
    oa_api.fail_cs(3, status=429)
    await ping_burst(oa, ["p-7", "p-8"], 8)
    for user in ("p-7", "p-8"):
        assert oa_api.texts(user) == [f"Đơn mới #{i}" for i in range(8)]
    assert len([c for c in oa_api.calls if c.error in (-32, 429)]) == 7
