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
