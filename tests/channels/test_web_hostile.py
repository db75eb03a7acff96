"""Hostile requests to the web chat API: each gets a 4xx and changes nothing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient

from tests.channels.web_support import FakeEngine, WebChat, serve, settings
from tests.raw_http import raw_request


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
async def client(engine: FakeEngine) -> AsyncIterator[TestClient]:
    async with serve(engine, settings(sessions_per_minute=5)) as (client, _):
        yield client


async def post_raw(chat: WebChat, data: bytes) -> tuple[int, dict[str, object]]:
    headers = {**chat.headers, "Content-Type": "application/json"}
    response = await chat.client.post("/api/chat/messages", data=data, headers=headers)
    return response.status, await response.json()


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 1000 + b"]" * 1000,
        b'{"text": ' + b"[" * 40 + b"]" * 40 + b"}",
        b'{"location": {"lat": NaN, "lon": 107}}',
        b'{"location": {"lat": 1e400, "lon": 107}}',
        b'{"text": "hi", "id": ' + b"9" * 5000 + b"}",
        b'{"text": "\xff\xfe"}',
    ],
    ids=["1000 deep", "deep value", "NaN", "infinite", "5000 digits", "not utf-8"],
)
async def test_a_body_we_do_not_take_is_400(
    client: TestClient, engine: FakeEngine, data: bytes
) -> None:
    """Regression: JSON nested 1000 deep (and friends) gave a 500 and a traceback."""
    chat = await WebChat(client).open()
    status, body = await post_raw(chat, data)
    assert status == 400 and body["code"] == "bad_json"
    assert engine.received == []


async def test_nul_and_lone_surrogates_are_cleaned_before_the_engine(
    client: TestClient, engine: FakeEngine
) -> None:
    """Regression: a NUL made "Xác nhận" fail forever on PostgreSQL."""
    chat = await WebChat(client).open()
    status, _ = await post_raw(chat, b'{"text": "X\\u00e1c nh\\u1eadn\\u0000 \\ud800ok"}')
    assert status == 200
    assert engine.received[-1].text == "Xác nhận \ufffdok"


@pytest.mark.parametrize(
    "value", [b"Bearer \xff\xfe\xfd", "Bearer tốken".encode(), b"Bearer " + b"a" * 5000]
)
async def test_a_token_with_strange_bytes_is_401(client: TestClient, value: bytes) -> None:
    """Regression: non-ASCII or 0xff bytes in a header gave a 500."""
    server = client.server
    status, body = await raw_request(
        server.host,
        server.port,
        "POST",
        "/api/chat/messages",
        [b"Authorization: " + value, b"Content-Type: application/json"],
        b'{"text": "hi"}',
    )
    assert status == 401, body
    assert json.loads(body)["code"] == "unauthorized"


async def test_making_sessions_is_rate_limited_per_address(client: TestClient) -> None:
    """Regression: a new session per message walked around the per-session rate limit."""
    statuses = [(await client.post("/api/chat/session")).status for _ in range(8)]
    assert statuses[:5] == [201] * 5
    assert statuses[5:] == [429] * 3
    refused = await client.post("/api/chat/session")
    assert refused.headers["Retry-After"].isdigit()
    assert (await refused.json())["code"] == "rate_limited"


async def test_behind_a_proxy_each_forwarded_address_has_its_own_limit(
    engine: FakeEngine,
) -> None:
    web_settings = settings(sessions_per_minute=2, trust_forwarded_for=True)
    async with serve(engine, web_settings) as (client, _):
        for visitor in ("203.0.113.7", "203.0.113.8"):
            headers = {"X-Forwarded-For": f"10.0.0.1, {visitor}"}
            statuses = [
                (await client.post("/api/chat/session", headers=headers)).status
                for _ in range(3)
            ]
            assert statuses == [201, 201, 429]
