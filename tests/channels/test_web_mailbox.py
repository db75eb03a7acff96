"""Mailboxes for pushed messages: in memory (one process) and in Redis (several processes)."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis import Redis as SyncRedis
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.channels.web import Mailbox, MemoryMailbox, MemorySessionStore, WebChannel
from bot.channels.web.redis_mailbox import RedisMailbox
from bot.channels.web.sql_mailbox import SqlMailbox
from bot.core.messages import Reply
from catalog.db import make_engine, upgrade
from tests.channels.web_support import FakeEngine, WebChat, settings
from tests.db_servers import REDIS_URL, sqlite_url, unavailable

MakeMailbox = Callable[..., Awaitable[Mailbox]]


class RedisClients:
    """Hands out Redis clients on the test database and closes them all at the end."""

    def __init__(self) -> None:
        try:
            SyncRedis.from_url(REDIS_URL, socket_timeout=3).ping()
        except (RedisError, OSError) as exc:
            unavailable(f"Redis at {REDIS_URL}", exc.__class__.__name__)
        self.clients: list[Redis] = []
        self.prefix = f"ocopbot-test:{uuid.uuid4().hex[:8]}"

    def mailbox(self, limit: int = 50) -> RedisMailbox:
        self.clients.append(Redis.from_url(REDIS_URL))
        return RedisMailbox(self.clients[-1], limit=limit, prefix=self.prefix)

    async def aclose(self) -> None:
        if self.clients:
            keys = await self.clients[0].keys(f"{self.prefix}:*")
            if keys:
                await self.clients[0].delete(*keys)
        for client in self.clients:
            await client.aclose()


@pytest.fixture
async def redis_clients() -> AsyncIterator[RedisClients]:
    clients = RedisClients()
    yield clients
    await clients.aclose()


@pytest.fixture(params=["memory", "redis", "sql"])
async def make_mailbox(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[MakeMailbox]:
    """Builds started mailboxes of one kind; Redis ones share a fresh key prefix."""
    made: list[Mailbox] = []
    redis = RedisClients() if request.param == "redis" else None
    db = None
    if request.param == "sql":
        db = make_engine(sqlite_url(tmp_path))
        await upgrade(db)

    async def make(limit: int = 50) -> Mailbox:
        box: Mailbox = MemoryMailbox(limit) if redis is None else redis.mailbox(limit)
        if db is not None:
            box = SqlMailbox(db, limit=limit, recheck=0.2)
        await box.start()
        made.append(box)
        return box

    yield make
    for box in made:
        await box.close()
    if redis is not None:
        await redis.aclose()
    if db is not None:
        await db.dispose()


async def test_queued_messages_are_delivered_once_in_order(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    await box.put("c1", [{"text": "một"}])
    await box.put("c1", [{"text": "hai"}, {"text": "ba"}])

    assert [m["text"] for m in await box.take("c1", 0)] == ["một", "hai", "ba"]
    assert await box.take("c1", 0) == []


async def test_a_waiting_poll_wakes_when_a_message_arrives(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    started = time.monotonic()
    poll = asyncio.create_task(box.take("c1", 10))
    await asyncio.sleep(0.1)
    await box.put("c1", [{"text": "ping"}])

    assert await poll == [{"text": "ping"}]
    assert time.monotonic() - started < 2


async def test_only_the_latest_messages_are_kept(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox(limit=2)
    for i in range(4):
        await box.put("c1", [{"text": str(i)}])
    assert [m["text"] for m in await box.take("c1", 0)] == ["2", "3"]


async def test_a_poll_nobody_wants_any_more_leaves_the_messages(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    poll = asyncio.create_task(box.take("c1", 10, wanted=lambda: False))
    await asyncio.sleep(0.1)
    await box.put("c1", [{"text": "ping"}])
    assert await poll == []
    assert await box.take("c1", 0) == [{"text": "ping"}]


async def test_close_releases_waiting_polls(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    poll = asyncio.create_task(box.take("c1", 25))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await box.close()
    assert await poll == []
    assert time.monotonic() - started < 2


async def test_redis_wakes_a_poll_waiting_in_another_process(
    redis_clients: RedisClients,
) -> None:
    sender, poller = redis_clients.mailbox(), redis_clients.mailbox()
    await sender.start()
    await poller.start()
    try:
        started = time.monotonic()
        poll = asyncio.create_task(poller.take("c1", 10))
        await asyncio.sleep(0.1)
        await sender.put("c1", [{"text": "đơn mới"}])
        assert await poll == [{"text": "đơn mới"}]
        assert time.monotonic() - started < 2

        # Queued messages outlive the process that queued them.
        await sender.put("c1", [{"text": "sau khi khởi động lại"}])
        await sender.close()
        restarted = redis_clients.mailbox()
        assert await restarted.take("c1", 0) == [{"text": "sau khi khởi động lại"}]
    finally:
        await poller.close()


async def test_two_servers_share_pushes_through_redis(redis_clients: RedisClients) -> None:
    """The outbox runs in server A; the visitor's long poll waits on server B."""
    sessions = MemorySessionStore()  # stands in for the shared database
    servers: list[TestClient] = []
    channels: list[WebChannel] = []
    for _ in range(2):
        mailbox = redis_clients.mailbox()
        channel = WebChannel(FakeEngine(), settings(), sessions, mailbox=mailbox)
        app = web.Application()
        channel.setup(app)
        client = TestClient(TestServer(app, host="127.0.0.1"))
        await client.start_server()
        servers.append(client)
        channels.append(channel)
    try:
        visitor = await WebChat(servers[1]).open()
        assert visitor.user is not None
        poll = asyncio.create_task(visitor.updates(wait=10))
        await asyncio.sleep(0.2)
        await channels[0].send(visitor.user.removeprefix("web:"), [Reply("Đơn #3 đã giao")])
        status, body = await poll
        assert status == 200
        assert [m["text"] for m in body["messages"]] == ["Đơn #3 đã giao"]
    finally:
        for client in servers:
            await client.close()


async def test_sql_pushes_survive_a_restart_and_reach_a_poll_in_another_process(
    tmp_path: Path,
) -> None:
    """Regression: pushes waited in process memory and were lost on any restart."""
    url = sqlite_url(tmp_path)
    db = make_engine(url)
    await upgrade(db)
    await SqlMailbox(db).put("c1", [{"text": "Đơn #7: nhà sản xuất đã nhận"}])
    await db.dispose()  # the process that queued it is gone

    first, second = make_engine(url), make_engine(url)
    try:
        waiting = SqlMailbox(second, recheck=0.1)
        poll = asyncio.create_task(waiting.take("c2", 5))
        await asyncio.sleep(0.2)
        await SqlMailbox(first).put("c2", [{"text": "đơn mới"}])  # no shared memory, no Redis
        assert await poll == [{"text": "đơn mới"}]
        restarted = SqlMailbox(first)
        assert await restarted.take("c1", 0) == [{"text": "Đơn #7: nhà sản xuất đã nhận"}]
        assert await restarted.take("c1", 0) == []  # once
    finally:
        await first.dispose()
        await second.dispose()
