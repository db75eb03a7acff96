"""Test helpers for the web chat: a fake engine, a loopback server and a user-words client."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.web import MemorySessionStore, SessionStore, WebChannel
from bot.config import WebSettings
from bot.core.messages import Button, IncomingMessage, LocationCard, Reply


class FakeEngine:
    """Echoes what it gets, offers one button, answers a location with a card."""

    def __init__(self, delay: float = 0.0) -> None:
        self.received: list[IncomingMessage] = []
        self.delay = delay
        self.fail = False

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Records the message and answers it."""
        self.received.append(msg)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.fail:
            raise RuntimeError("engine exploded")
        if msg.location is not None:
            card = LocationCard(20.95, 107.07, "Trung tâm OCOP Hạ Long", "Bãi Cháy, Hạ Long")
            return [Reply("Gần bạn nhất:", location=card)]
        if msg.payload is not None:
            return [Reply(f"Bạn đã chọn {msg.payload}")]
        button = Button("Xem nước mắm", "product:nuoc-mam-cai-rong")
        return [Reply(f"Bạn nói: {msg.text}", buttons=(button,), request_location=True)]


class WebChat:
    """A visitor of the web chat, speaking through the JSON API."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token: str | None = None
        self.user: str | None = None
        self.replies: list[dict[str, Any]] = []

    async def open(self) -> WebChat:
        """Starts a session, as the page does on its first visit."""
        response = await self.client.post("/api/chat/session")
        assert response.status == 201, await response.text()
        body = await response.json()
        self.token, self.user = body["token"], body["user"]
        return self

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def post(self, body: Any) -> tuple[int, dict[str, Any]]:
        """Posts a raw message body; returns the status and the decoded JSON."""
        # Like a browser's JSON.stringify: UTF-8, not \u-escaped.
        data = json.dumps(body, ensure_ascii=False).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        response = await self.client.post("/api/chat/messages", data=data, headers=headers)
        return response.status, await response.json()

    async def send(self, text: str, **extra: Any) -> list[dict[str, Any]]:
        """Sends text and returns the bot's replies."""
        return await self._expect_ok({"text": text, **extra})

    async def click(self, title: str) -> list[dict[str, Any]]:
        """Presses a button from the latest replies by its title."""
        for reply in reversed(self.replies):
            for button in reply["buttons"]:
                if button["title"] == title:
                    return await self._expect_ok({"payload": button["payload"]})
        raise AssertionError(f"no button {title!r} in {self.replies}")

    async def share_location(self, lat: float, lon: float) -> list[dict[str, Any]]:
        """Shares a position, as "Near me" does."""
        return await self._expect_ok({"location": {"lat": lat, "lon": lon}})

    async def updates(
        self, wait: float = 0, after: int | None = None
    ) -> tuple[int, dict[str, Any]]:
        """One long poll; ``after``: the id of the last pushed message received."""
        query = f"wait={wait}" if after is None else f"wait={wait}&after={after}"
        response = await self.client.get(f"/api/chat/updates?{query}", headers=self.headers)
        return response.status, await response.json()

    async def _expect_ok(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        status, data = await self.post(body)
        assert status == 200, data
        self.replies = data["replies"]
        return self.replies


def settings(**overrides: Any) -> WebSettings:
    """Web settings for tests (port 0: the test server picks a free loopback port)."""
    return WebSettings(port=0, **overrides)


@asynccontextmanager
async def serve(
    engine: Any,
    web_settings: WebSettings | None = None,
    sessions: SessionStore | None = None,
    **channel_options: Any,
) -> AsyncIterator[tuple[TestClient, WebChannel]]:
    """Runs a WebChannel on 127.0.0.1 and yields a client for it and the channel."""
    channel = WebChannel(
        engine, web_settings or settings(), sessions or MemorySessionStore(), **channel_options
    )
    app = web.Application()
    channel.setup(app)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield client, channel
