"""The web chat API as a visitor uses it: sessions, messages, buttons and locations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient

from bot.core.messages import GeoPoint
from tests.channels.web_support import FakeEngine, WebChat, serve


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
async def client(engine: FakeEngine) -> AsyncIterator[TestClient]:
    async with serve(engine) as (client, _channel):
        yield client


async def test_the_server_issues_each_visitor_their_own_identity(client: TestClient) -> None:
    first = await WebChat(client).open()
    second = await WebChat(client).open()

    assert first.user is not None and first.user.startswith("web:")
    assert first.user != second.user
    assert first.token != second.token


async def test_a_question_reaches_the_engine_as_the_sessions_user(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()

    # A client that tries to name its own user is ignored: identity comes from the token.
    replies = await chat.send("nước mắm Cái Rồng giá bao nhiêu?", user="web:someone-else")

    assert replies[0]["text"] == "Bạn nói: nước mắm Cái Rồng giá bao nhiêu?"
    msg = engine.received[-1]
    assert (msg.channel, f"web:{msg.chat_id}", msg.user_id) == ("web", chat.user, msg.chat_id)
    assert msg.text == "nước mắm Cái Rồng giá bao nhiêu?"


async def test_replies_carry_buttons_and_clicking_one_sends_its_payload(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()
    replies = await chat.send("xin chào")

    assert replies == [
        {
            "text": "Bạn nói: xin chào",
            "buttons": [{"title": "Xem nước mắm", "payload": "product:nuoc-mam-cai-rong"}],
            "location": None,
            "image": None,
            "request_location": True,
        }
    ]
    answer = await chat.click("Xem nước mắm")

    assert answer[0]["text"] == "Bạn đã chọn product:nuoc-mam-cai-rong"
    assert engine.received[-1].payload == "product:nuoc-mam-cai-rong"
    assert engine.received[-1].text is None


async def test_sharing_a_location_returns_a_location_card(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()

    replies = await chat.share_location(21.0, 107.3)

    assert engine.received[-1].location == GeoPoint(21.0, 107.3)
    assert replies[0]["location"] == {
        "lat": 20.95,
        "lon": 107.07,
        "title": "Trung tâm OCOP Hạ Long",
        "address": "Bãi Cháy, Hạ Long",
    }


async def test_the_page_language_is_passed_as_a_hint(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()
    await chat.send("hello", lang="en")
    assert engine.received[-1].language_hint == "en"


async def test_a_retried_message_is_answered_again_but_handled_once(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()

    first = await chat.send("mua 2 chai", id="c0ffee-1")
    retry = await chat.send("mua 2 chai", id="c0ffee-1")

    assert retry == first
    assert len(engine.received) == 1


async def test_a_retry_racing_the_first_attempt_is_handled_once(client: TestClient) -> None:
    engine = FakeEngine(delay=0.2)
    async with serve(engine) as (slow_client, _):
        chat = await WebChat(slow_client).open()
        first, retry = await asyncio.gather(
            chat.send("mua 2 chai", id="same"), chat.send("mua 2 chai", id="same")
        )
    assert first == retry
    assert len(engine.received) == 1


async def test_two_visitors_may_use_the_same_message_id(
    client: TestClient, engine: FakeEngine
) -> None:
    alice = await WebChat(client).open()
    bob = await WebChat(client).open()

    await alice.send("một", id="1")
    await bob.send("hai", id="1")

    assert [m.text for m in engine.received] == ["một", "hai"]
    assert engine.received[0].message_id != engine.received[1].message_id


async def test_without_an_id_every_post_is_a_new_message(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()
    await chat.send("a")
    await chat.send("a")
    assert len({m.message_id for m in engine.received}) == 2


async def test_an_engine_failure_is_a_json_500_and_a_retry_runs_again(
    client: TestClient, engine: FakeEngine
) -> None:
    chat = await WebChat(client).open()
    engine.fail = True
    status, body = await chat.post({"text": "hi", "id": "x"})
    assert status == 500 and body["error"]

    engine.fail = False
    assert (await chat.send("hi", id="x"))[0]["text"] == "Bạn nói: hi"


async def test_health_check(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200


async def test_other_sites_can_embed_the_api(client: TestClient) -> None:
    preflight = await client.options(
        "/api/chat/messages",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]

    created = await client.post("/api/chat/session", headers={"Origin": "https://example.org"})
    assert created.headers["Access-Control-Allow-Origin"] == "*"
