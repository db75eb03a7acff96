"""Fixtures: a fake Bot API on loopback, a scripted engine, channels that stop themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.telegram import RateLimits, TelegramChannel
from bot.channels.telegram.protocols import MessageHandler
from bot.config import TelegramSettings
from bot.core.messages import IncomingMessage, Reply
from tests.channels.telegram.fake_api import TOKEN, FakeBotAPI
from tests.channels.telegram.updates import Updates

# Fast enough for tests, slow enough that the limiter really works.
TEST_LIMITS = RateLimits(
    overall_rate=300, overall_burst=30, chat_rate=40, chat_burst=4, group_rate=40, group_burst=4
)
Script = Callable[[IncomingMessage], list[Reply]]


class FakeEngine:
    """Answers from a script and remembers what it got; drops a repeated message_id like
    the real engine does."""

    def __init__(self, script: Script | None = None) -> None:
        self.script = script or echo
        self.received: list[IncomingMessage] = []
        self._seen: set[tuple[str, str]] = set()

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        if (msg.channel, msg.message_id) in self._seen:
            return []
        self._seen.add((msg.channel, msg.message_id))
        self.received.append(msg)
        return self.script(msg)


def echo(msg: IncomingMessage) -> list[Reply]:
    """Says back what came in."""
    if msg.payload is not None:
        return [Reply(f"payload {msg.payload}")]
    if msg.location is not None:
        return [Reply(f"location {msg.location.lat},{msg.location.lon}")]
    if msg.contact_phone is not None:
        return [Reply(f"phone {msg.contact_phone}")]
    return [Reply(f"echo {msg.text}")]


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    api = FakeBotAPI()
    await api.start()
    yield api
    await api.close()


@pytest.fixture
def updates() -> Updates:
    return Updates()


@pytest.fixture
def settings(fake_api: FakeBotAPI) -> Callable[..., TelegramSettings]:
    def make(**overrides: Any) -> TelegramSettings:
        return TelegramSettings(token=SecretStr(TOKEN), api_base=fake_api.base_url, **overrides)

    return make


@pytest.fixture
async def make_channel(
    settings: Callable[..., TelegramSettings],
) -> AsyncIterator[Callable[..., Awaitable[TelegramChannel]]]:
    """Builds and starts channels; every one is stopped at the end of the test."""
    started: list[TelegramChannel] = []

    async def make(
        engine: MessageHandler,
        app: web.Application | None = None,
        limits: RateLimits = TEST_LIMITS,
        **overrides: Any,
    ) -> TelegramChannel:
        channel = TelegramChannel(
            settings(**overrides), engine, limits=limits, poll_timeout=1, retry_delay=0.05
        )
        await channel.start(app)
        started.append(channel)
        return channel

    yield make
    for channel in started:
        await channel.stop()
