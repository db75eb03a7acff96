"""Every way the web chat API refuses a request, with the status a client can act on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tests.channels.web_support import FakeEngine, WebChat, serve, settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def client(engine: FakeEngine, clock: FakeClock) -> AsyncIterator[TestClient]:
    async with serve(engine, settings(rate_per_minute=60), clock=clock) as (client, _):
        yield client


@pytest.fixture
async def chat(client: TestClient) -> WebChat:
    return await WebChat(client).open()


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer"}, {"Authorization": "Basic dXNlcjpwYXNz"}],
    ids=["no header", "empty bearer", "wrong scheme"],
)
async def test_a_missing_token_is_401(client: TestClient, headers: dict[str, str]) -> None:
    response = await client.post("/api/chat/messages", json={"text": "hi"}, headers=headers)
    assert response.status == 401
    assert (await response.json())["error"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


async def test_an_unknown_token_is_401(client: TestClient, engine: FakeEngine) -> None:
    headers = {"Authorization": "Bearer not-a-token-we-issued"}
    post = await client.post("/api/chat/messages", json={"text": "hi"}, headers=headers)
    poll = await client.get("/api/chat/updates", headers=headers)
    assert (post.status, poll.status) == (401, 401)
    assert engine.received == []


async def test_bad_json_is_400(chat: WebChat) -> None:
    response = await chat.client.post(
        "/api/chat/messages", data=b"{not json", headers=chat.headers
    )
    assert response.status == 400
    assert (await response.json())["code"] == "bad_json"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ([], "bad_json"),
        ({}, "bad_fields"),
        ({"text": "a", "payload": "b"}, "bad_fields"),
        ({"text": "   "}, "bad_text"),
        ({"text": 42}, "bad_text"),
        ({"payload": ""}, "bad_payload"),
        ({"payload": "x" * 300}, "bad_payload"),
        ({"location": [21, 107]}, "bad_location"),
        ({"location": {"lat": 91, "lon": 107}}, "bad_location"),
        ({"location": {"lat": 21, "lon": -181}}, "bad_location"),
        ({"location": {"lat": "21", "lon": 107}}, "bad_location"),
        ({"location": {"lat": True, "lon": 107}}, "bad_location"),
        ({"location": {"lat": 21}}, "bad_location"),
        ({"text": "hi", "id": 7}, "bad_id"),
        ({"text": "hi", "id": "x" * 101}, "bad_id"),
    ],
)
async def test_bad_fields_are_400_naming_the_problem(
    chat: WebChat, engine: FakeEngine, body: Any, code: str
) -> None:
    status, data = await chat.post(body)
    assert status == 400
    assert data["code"] == code and data["error"]
    assert engine.received == []


async def test_text_over_2000_characters_is_refused_with_a_clear_message(
    chat: WebChat, engine: FakeEngine
) -> None:
    status, data = await chat.post({"text": "ạ" * 2001})

    assert status == 400
    assert data["code"] == "text_too_long"
    assert "2000 characters" in data["error"]
    assert data["max_chars"] == 2000
    assert engine.received == []
    # Exactly at the limit is fine (2000 Vietnamese letters are still under 8 KiB).
    assert await chat.send("ạ" * 2000)


async def test_a_body_over_8_kib_is_413(chat: WebChat) -> None:
    body = b'{"text": "' + b"a" * 8200 + b'"}'
    response = await chat.client.post("/api/chat/messages", data=body, headers=chat.headers)
    assert response.status == 413
    assert (await response.json())["error"]


async def test_a_chunked_body_over_8_kib_is_413(chat: WebChat) -> None:
    async def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(9):
            yield b"a" * 1024
        yield b'"}'

    response = await chat.client.post("/api/chat/messages", data=chunks(), headers=chat.headers)
    assert response.status == 413


async def test_a_body_arriving_in_pieces_is_read_whole(chat: WebChat) -> None:
    async def slowly() -> Any:
        for piece in (b'{"te', b'xt": "ch', "ào bạn".encode(), b'"}'):
            yield piece
            await asyncio.sleep(0.05)

    headers = {**chat.headers, "Content-Type": "application/json"}
    response = await chat.client.post("/api/chat/messages", data=slowly(), headers=headers)
    assert response.status == 200
    assert (await response.json())["replies"][0]["text"] == "Bạn nói: chào bạn"


async def test_a_flooding_session_gets_429_with_retry_after(
    client: TestClient, chat: WebChat, clock: FakeClock
) -> None:
    # 60 a minute with a burst of 10: the eleventh message in the same instant is refused.
    for i in range(10):
        assert (await chat.post({"text": f"tin {i}"}))[0] == 200
    response = await client.post("/api/chat/messages", json={"text": "x"}, headers=chat.headers)

    assert response.status == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert (await response.json())["error"]

    # Others are not slowed down by one flooder.
    assert await (await WebChat(client).open()).send("chào")
    # One second later one more message is allowed again.
    clock.now += 1.0
    assert (await chat.post({"text": "lại"}))[0] == 200


class BrokenStore:
    """A session store whose database is down."""

    async def create(self, token_hash: str, chat_id: str) -> None:
        raise ConnectionError("database is down")

    async def find(self, token_hash: str) -> str | None:
        raise ConnectionError("database is down")


async def test_a_database_outage_is_a_json_500(engine: FakeEngine) -> None:
    async with serve(engine, sessions=BrokenStore()) as (client, _):
        created = await client.post("/api/chat/session")
        posted = await client.post(
            "/api/chat/messages", json={"text": "hi"}, headers={"Authorization": "Bearer x"}
        )
        for response in (created, posted):
            assert response.status == 500
            assert (await response.json())["error"]
            assert response.headers["Access-Control-Allow-Origin"] == "*"
