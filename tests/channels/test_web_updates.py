"""Messages others send to a web chat (order pings, status changes) reach its long poll."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.web import MemoryMailbox, MemorySessionStore, WebChannel
from bot.core.messages import Button, Reply
from tests.channels.web_support import FakeEngine, WebChat, serve, settings

PING = Reply("Đơn #12 đã được xác nhận", buttons=(Button("Xem đơn", "order:12"),))


@pytest.fixture
async def served() -> AsyncIterator[tuple[TestClient, WebChannel]]:
    async with serve(FakeEngine()) as pair:
        yield pair


async def test_a_waiting_poll_wakes_as_soon_as_a_message_is_pushed(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    chat = await WebChat(client).open()
    assert chat.user is not None
    chat_id = chat.user.removeprefix("web:")

    started = time.monotonic()
    poll = asyncio.create_task(chat.updates(wait=10))
    await asyncio.sleep(0.1)
    await channel.send(chat_id, [PING])
    status, body = await poll

    assert status == 200
    assert time.monotonic() - started < 2
    assert body["messages"][0]["text"] == "Đơn #12 đã được xác nhận"
    assert body["messages"][0]["buttons"] == [{"title": "Xem đơn", "payload": "order:12"}]


async def test_messages_queue_until_the_next_poll_and_are_delivered_once(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    chat = await WebChat(client).open()
    assert chat.user is not None
    chat_id = chat.user.removeprefix("web:")
    await channel.send(chat_id, [Reply("một")])
    await channel.send(chat_id, [Reply("hai")])

    _, first = await chat.updates()
    _, again = await chat.updates()

    assert [m["text"] for m in first["messages"]] == ["một", "hai"]
    assert again == {"messages": []}


async def test_a_chat_sees_only_its_own_messages(served: tuple[TestClient, WebChannel]) -> None:
    client, channel = served
    alice = await WebChat(client).open()
    bob = await WebChat(client).open()
    assert alice.user is not None
    await channel.send(alice.user.removeprefix("web:"), [PING])

    _, for_bob = await bob.updates(wait=0.2)

    assert for_bob == {"messages": []}


async def test_an_empty_poll_returns_after_the_wait(served: tuple[TestClient, WebChannel]) -> None:
    client, _ = served
    chat = await WebChat(client).open()
    started = time.monotonic()
    status, body = await chat.updates(wait=0.3)
    assert (status, body) == (200, {"messages": []})
    assert 0.25 < time.monotonic() - started < 2


@pytest.mark.parametrize("wait", ["abc", "-1", "26", "nan", "inf"])
async def test_a_bad_wait_is_400(served: tuple[TestClient, WebChannel], wait: str) -> None:
    client, _ = served
    chat = await WebChat(client).open()
    response = await client.get(f"/api/chat/updates?wait={wait}", headers=chat.headers)
    assert response.status == 400
    assert (await response.json())["code"] == "bad_wait"


async def test_polling_without_a_token_is_401(served: tuple[TestClient, WebChannel]) -> None:
    client, _ = served
    response = await client.get("/api/chat/updates?wait=1")
    assert response.status == 401


async def test_a_chat_that_never_polls_keeps_only_the_latest_messages() -> None:
    async with serve(FakeEngine(), mailbox=MemoryMailbox(limit=3)) as (client, channel):
        chat = await WebChat(client).open()
        assert chat.user is not None
        for i in range(5):
            await channel.send(chat.user.removeprefix("web:"), [Reply(f"tin {i}")])
        _, body = await chat.updates()
    assert [m["text"] for m in body["messages"]] == ["tin 2", "tin 3", "tin 4"]


async def test_shutdown_releases_a_waiting_poll_at_once() -> None:
    channel = WebChannel(FakeEngine(), settings(), MemorySessionStore())
    app = web.Application()
    channel.setup(app)
    server = TestServer(app, host="127.0.0.1")
    client = TestClient(server)
    await client.start_server()
    chat = await WebChat(client).open()
    poll = asyncio.create_task(chat.updates(wait=25))
    await asyncio.sleep(0.1)

    started = time.monotonic()
    await app.shutdown()
    status, body = await poll
    await client.close()

    assert (status, body) == (200, {"messages": []})
    assert time.monotonic() - started < 2


async def test_a_poller_that_hung_up_does_not_swallow_messages(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    chat = await WebChat(client).open()
    assert chat.user is not None
    abandoned = asyncio.create_task(chat.updates(wait=10))
    await asyncio.sleep(0.2)
    abandoned.cancel()  # the tab closed: the client drops the connection
    await asyncio.sleep(0.2)

    await channel.send(chat.user.removeprefix("web:"), [PING])
    _, body = await chat.updates()

    assert [m["text"] for m in body["messages"]] == ["Đơn #12 đã được xác nhận"]
