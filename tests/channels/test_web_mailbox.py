"""Mailboxes for pushed messages: in memory (one process), in the database and in Redis
(several processes). Acknowledged polling: tests/channels/test_web_mailbox_ack.py."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.web import MemorySessionStore, WebChannel
from bot.channels.web.sql_mailbox import SqlMailbox
from bot.core.messages import Reply
from catalog.db import make_engine, upgrade
from tests.channels.mailboxes import MakeMailbox, RedisClients, texts
from tests.channels.web_support import FakeEngine, WebChat, settings
from tests.db_servers import sqlite_url


async def test_queued_messages_are_delivered_once_in_order_to_a_poll_that_never_acknowledges(
    make_mailbox: MakeMailbox,
) -> None:
    """An old page sends no ``after``: what it is handed is gone, as before."""
    box = await make_mailbox()
    await box.put("c1", [{"text": "một"}])
    await box.put("c1", [{"text": "hai"}, {"text": "ba"}])

    assert texts(await box.take("c1", 0)) == ["một", "hai", "ba"]
    assert await box.take("c1", 0) == []


async def test_a_waiting_poll_wakes_when_a_message_arrives(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    started = time.monotonic()
    poll = asyncio.create_task(box.take("c1", 10, after=0))
    await asyncio.sleep(0.1)
    await box.put("c1", [{"text": "ping"}])

    assert texts(await poll) == ["ping"]
    assert time.monotonic() - started < 2


async def test_only_the_latest_messages_are_kept(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox(limit=2)
    for i in range(4):
        await box.put("c1", [{"text": str(i)}])
    assert texts(await box.take("c1", 0, after=0)) == ["2", "3"]


async def test_a_poll_nobody_wants_any_more_leaves_the_messages(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    poll = asyncio.create_task(box.take("c1", 10, wanted=lambda: False))
    await asyncio.sleep(0.1)
    await box.put("c1", [{"text": "ping"}])
    assert await poll == []
    assert texts(await box.take("c1", 0)) == ["ping"]


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
        poll = asyncio.create_task(poller.take("c1", 10, after=0))
        await asyncio.sleep(0.1)
        await sender.put("c1", [{"text": "đơn mới"}])
        [received] = await poll
        assert received.message == {"text": "đơn mới"}
        assert time.monotonic() - started < 2

        # Queued messages outlive the process that queued them.
        await sender.put("c1", [{"text": "sau khi khởi động lại"}])
        await sender.close()
        restarted = redis_clients.mailbox()
        later = await restarted.take("c1", 0, after=received.id)
        assert texts(later) == ["sau khi khởi động lại"]
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
        poll = asyncio.create_task(waiting.take("c2", 5, after=0))
        await asyncio.sleep(0.2)
        await SqlMailbox(first).put("c2", [{"text": "đơn mới"}])  # no shared memory, no Redis
        assert texts(await poll) == ["đơn mới"]
        restarted = SqlMailbox(first)
        [kept] = await restarted.take("c1", 0, after=0)
        assert kept.message == {"text": "Đơn #7: nhà sản xuất đã nhận"}
        assert await restarted.take("c1", 0, after=kept.id) == []  # once acknowledged
    finally:
        await first.dispose()
        await second.dispose()
