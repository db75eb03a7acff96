"""A pushed message reaches the page even when a poll's answer is lost on the way: the page
names the last id it received (``after``) and the server keeps the rest."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.channels.web import WebChannel
from bot.core.messages import Button, Reply
from tests.channels.mailboxes import MakeMailbox
from tests.channels.web_support import FakeEngine, WebChat, serve

ACCEPTED = Reply(
    "✅ Đơn WEN3A6 đã được nhận. Nhà sản xuất sẽ liên hệ bạn.",
    buttons=(Button("Xem đơn", "order:WEN3A6"),),
)


@pytest.fixture
async def served(make_mailbox: MakeMailbox) -> AsyncIterator[tuple[TestClient, WebChannel]]:
    """The web chat on every kind of mailbox (memory, Redis, SQLite, PostgreSQL)."""
    async with serve(FakeEngine(), mailbox=await make_mailbox()) as pair:
        yield pair


async def opened(client: TestClient) -> tuple[WebChat, str]:
    chat = await WebChat(client).open()
    assert chat.user is not None
    return chat, chat.user.removeprefix("web:")


async def answered_then_dropped(client: TestClient, chat: WebChat, query: str) -> bytes:
    """A long poll whose connection drops as soon as the server's answer starts arriving
    (a reload, a phone losing its signal): the page never reads it."""
    assert client.server.host is not None and client.server.port is not None
    reader, writer = await asyncio.open_connection(client.server.host, client.server.port)
    try:
        writer.write(
            f"GET /api/chat/updates?{query} HTTP/1.1\r\nHost: localhost\r\n"
            f"Authorization: Bearer {chat.token}\r\n\r\n".encode()
        )
        await writer.drain()
        return await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)  # status and headers
    finally:
        writer.close()


async def test_an_accept_ping_whose_poll_was_dropped_after_the_answer_comes_again(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    customer, chat_id = await opened(client)
    waiting = asyncio.create_task(answered_then_dropped(client, customer, "wait=10&after=0"))
    await asyncio.sleep(0.2)
    await channel.send(chat_id, [ACCEPTED])
    assert (await waiting).startswith(b"HTTP/1.1 200")
    await asyncio.sleep(0.1)

    status, body = await customer.updates(after=0)  # the page still knows no id

    assert status == 200
    [ping] = body["messages"]
    assert ping["text"] == ACCEPTED.text
    assert ping["buttons"] == [{"title": "Xem đơn", "payload": "order:WEN3A6"}]
    assert isinstance(ping["id"], int) and ping["id"] > 0
    assert await customer.updates(after=ping["id"]) == (200, {"messages": []})
    assert await customer.updates(after=0) == (200, {"messages": []})  # acknowledged: gone


async def test_every_message_after_the_acknowledged_one_is_answered_in_order(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    producer, chat_id = await opened(client)
    await channel.send(chat_id, [Reply("Đơn hàng mới #1")])
    _, first = await producer.updates(after=0)
    [one] = first["messages"]
    await channel.send(chat_id, [Reply("Đơn hàng mới #2")])
    await channel.send(chat_id, [Reply("Đơn hàng mới #3")])

    _, lost = await producer.updates(after=one["id"])  # this answer never arrives
    _, again = await producer.updates(after=one["id"])

    assert [m["text"] for m in again["messages"]] == ["Đơn hàng mới #2", "Đơn hàng mới #3"]
    assert again == lost
    ids = [one["id"], *(m["id"] for m in again["messages"])]
    assert ids == sorted(set(ids))


async def test_a_waiting_poll_that_acknowledged_everything_wakes_for_the_next_push(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, channel = served
    chat, chat_id = await opened(client)
    await channel.send(chat_id, [Reply("cũ")])
    _, old = await chat.updates(after=0)
    poll = asyncio.create_task(chat.updates(wait=10, after=old["messages"][0]["id"]))
    await asyncio.sleep(0.3)
    assert not poll.done()
    await channel.send(chat_id, [Reply("mới")])

    _, body = await poll

    assert [m["text"] for m in body["messages"]] == ["mới"]


async def test_a_pushed_message_in_the_history_carries_the_id_its_poll_gets(
    served: tuple[TestClient, WebChannel],
) -> None:
    """The page reloads before its poll acknowledged a push: it shows the push from the
    history and skips the same id when the poll brings it."""
    client, channel = served
    chat, chat_id = await opened(client)
    await chat.send("xin chào")
    await channel.send(chat_id, [ACCEPTED])

    response = await client.get("/api/chat/history", headers=chat.headers)
    history: list[dict[str, Any]] = (await response.json())["messages"]
    _, polled = await chat.updates(after=0)

    [pushed] = [entry for entry in history if "id" in entry]
    assert pushed["text"] == ACCEPTED.text
    assert pushed["id"] == polled["messages"][0]["id"]


@pytest.mark.parametrize(
    "after", ["abc", "-1", "1.5", " 7", "7 ", "", "0x10", "9007199254740992", "1" * 400, "١٢"]
)
async def test_a_bad_after_is_400(make_mailbox: MakeMailbox, after: str) -> None:
    async with serve(FakeEngine(), mailbox=await make_mailbox()) as (client, _):
        chat = await WebChat(client).open()
        response = await client.get(
            "/api/chat/updates", params={"wait": "0", "after": after}, headers=chat.headers
        )
        body = await response.json()
    assert response.status == 400
    assert body["code"] == "bad_after"
    assert "after" in body["error"]


async def test_the_largest_id_a_page_holds_is_a_good_after(
    served: tuple[TestClient, WebChannel],
) -> None:
    client, _ = served
    chat, _ = await opened(client)
    assert await chat.updates(after=2**53 - 1) == (200, {"messages": []})
