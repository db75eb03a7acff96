"""The web chat keeps what a visitor saw: GET /api/chat/history after a reload or restart."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.web import SqlSessionStore, SqlTranscript
from bot.core.messages import Reply
from catalog.db import make_engine
from tests.channels.web_support import FakeEngine, WebChat, serve


async def history(chat: WebChat) -> tuple[int, list[dict[str, Any]]]:
    response = await chat.client.get("/api/chat/history", headers=chat.headers)
    body = await response.json()
    return response.status, body.get("messages", [])


async def test_history_shows_the_visitors_words_buttons_and_the_bots_answers() -> None:
    async with serve(FakeEngine()) as (client, _channel):
        chat = await WebChat(client).open()
        await chat.send("/start")  # the page's hidden greeting request is not a visible line
        await chat.send("nước mắm Cái Rồng giá bao nhiêu?")
        await chat._expect_ok({"payload": "product:nuoc-mam-cai-rong", "echo": "Xem nước mắm"})
        await chat.share_location(20.95, 107.07)
        status, messages = await history(chat)
    assert status == 200
    said = [(m["role"], m.get("text")) for m in messages]
    assert said[0] == ("bot", "Bạn nói: /start")
    assert ("user", "nước mắm Cái Rồng giá bao nhiêu?") in said
    assert ("bot", "Bạn nói: nước mắm Cái Rồng giá bao nhiêu?") in said
    assert ("user", "Xem nước mắm") in said
    assert ("bot", "Bạn đã chọn product:nuoc-mam-cai-rong") in said
    assert messages[-2] == {"role": "user", "location": True}
    assert messages[-1]["location"]["title"] == "Trung tâm OCOP Hạ Long"
    assert messages[2]["buttons"] == [
        {"title": "Xem nước mắm", "payload": "product:nuoc-mam-cai-rong"}
    ]


async def test_history_is_private_to_the_session_and_needs_a_token() -> None:
    async with serve(FakeEngine()) as (client, _channel):
        mine = await WebChat(client).open()
        other = await WebChat(client).open()
        await mine.send("số điện thoại của tôi là 0912345678")
        assert (await history(other)) == (200, [])
        response = await client.get("/api/chat/history")
        assert response.status == 401
        response = await client.get(
            "/api/chat/history", headers={"Authorization": "Bearer forged"}
        )
        assert response.status == 401


async def test_pushed_messages_are_in_the_history_too() -> None:
    async with serve(FakeEngine()) as (client, channel):
        chat = await WebChat(client).open()
        await chat.send("xin chào")
        assert chat.user is not None
        await channel.send(chat.user.split(":", 1)[1], [Reply("✅ Đơn K7M3QP đã được nhận.")])
        _, messages = await history(chat)
    assert messages[-1]["text"] == "✅ Đơn K7M3QP đã được nhận."


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
async def test_the_history_survives_a_restart_and_keeps_only_the_latest(
    catalog_db_url: str,
) -> None:
    db = make_engine(catalog_db_url)
    try:
        sessions = SqlSessionStore(db)
        async with serve(FakeEngine(), sessions=sessions, transcript=SqlTranscript(db, 6)) as (
            client,
            _,
        ):
            chat = await WebChat(client).open()
            for number in range(5):
                await chat.send(f"câu hỏi số {number}")
            token = chat.token
        async with serve(FakeEngine(), sessions=sessions, transcript=SqlTranscript(db, 6)) as (
            client,
            _,
        ):
            again = WebChat(client)
            again.token = token
            status, messages = await history(again)
    finally:
        await db.dispose()
    assert status == 200
    assert [m.get("text") for m in messages] == [
        "câu hỏi số 2",
        "Bạn nói: câu hỏi số 2",
        "câu hỏi số 3",
        "Bạn nói: câu hỏi số 3",
        "câu hỏi số 4",
        "Bạn nói: câu hỏi số 4",
    ]


class RememberingEngine:
    """Keeps each message's replies like the engine's de-duplication record (any process)."""

    def __init__(self, record: dict[str, list[Reply]]) -> None:
        self.record = record
        self.runs = 0

    async def handle(self, msg: Any) -> list[Reply]:
        if msg.message_id in self.record:
            return []  # a duplicate: the real engine drops it
        self.runs += 1
        replies = [] if msg.text == "alo alo" else [Reply(f"Đã nhận: {msg.text}")]
        self.record[msg.message_id] = replies  # a held chat keeps "no replies" too
        return replies

    async def replies_for(self, msg: Any) -> list[Reply] | None:
        return self.record.get(msg.message_id)


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
async def test_a_retry_after_a_restart_gets_the_first_replies_and_no_second_history_line(
    catalog_db_url: str,
) -> None:
    """Regression: a page resending "Xác nhận" after a network error (here, to a restarted
    process) got {"replies": []}; merged with the history, it must not show twice either."""
    db = make_engine(catalog_db_url)
    record: dict[str, list[Reply]] = {}
    try:
        sessions, transcript = SqlSessionStore(db), SqlTranscript(db)
        async with serve(RememberingEngine(record), sessions=sessions, transcript=transcript) as (
            client,
            _,
        ):
            chat = await WebChat(client).open()
            first = await chat.send("Xác nhận", id="m-1")
            await chat.send("alo alo", id="m-2")  # a chat a person holds: no bot replies
        engine = RememberingEngine(record)
        async with serve(engine, sessions=sessions, transcript=transcript) as (client, _):
            chat.client = client
            again = await chat.send("Xác nhận", id="m-1")
            assert await chat.send("alo alo", id="m-2") == []
            _, messages = await history(chat)
    finally:
        await db.dispose()
    assert again == first and [r["text"] for r in again] == ["Đã nhận: Xác nhận"]
    assert engine.runs == 0  # the retries ran nothing
    assert [(m["role"], m.get("text")) for m in messages] == [
        ("user", "Xác nhận"),
        ("bot", "Đã nhận: Xác nhận"),
        ("user", "alo alo"),
    ]
