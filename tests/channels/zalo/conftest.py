"""Fixtures: fake Zalo servers on loopback, a scripted engine, channels that stop themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.zalo_bot import RetryPolicy, ZaloBotChannel
from bot.config import ZaloBotSettings
from bot.core.messages import ConversationKey, IncomingMessage, Reply
from tests.channels.zalo.bot_events import BotEvents
from tests.channels.zalo.fake_bot_api import TOKEN, FakeZaloBotAPI

# Fast enough for tests; quota back-off still really waits (50 ms and up).
FAST = RetryPolicy(base_delay=0.02, max_delay=0.2, quota_delay=0.05, quota_max_delay=0.2)
Script = Callable[[IncomingMessage], list[Reply]]


class FakeEngine:
    """Answers from a script and remembers what it got; drops a repeated message id like
    the real engine does."""

    def __init__(self, script: Script | None = None) -> None:
        self.script = script or echo
        self.received: list[IncomingMessage] = []
        self.remembered: list[tuple[str, list[str]]] = []
        self._seen: set[tuple[str, str, str]] = set()

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        key = (msg.channel, msg.chat_id, msg.message_id)
        if key in self._seen:
            return []
        self._seen.add(key)
        self.received.append(msg)
        return self.script(msg)

    async def remember_options(self, key: ConversationKey, replies: list[Reply]) -> None:
        self.remembered.append((str(key), [b.payload for r in replies for b in r.buttons]))


def echo(msg: IncomingMessage) -> list[Reply]:
    """Says back what came in."""
    if msg.payload is not None:
        return [Reply(f"payload {msg.payload}")]
    if msg.location is not None:
        return [Reply(f"location {msg.location.lat},{msg.location.lon}")]
    return [Reply(f"echo {msg.text}")]


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeZaloBotAPI]:
    api = FakeZaloBotAPI()
    await api.start()
    yield api
    await api.close()


@pytest.fixture
def events() -> BotEvents:
    return BotEvents()


@pytest.fixture
async def make_bot(
    bot_api: FakeZaloBotAPI,
) -> AsyncIterator[Callable[..., Awaitable[ZaloBotChannel]]]:
    """Builds and starts Bot Platform channels; every one is stopped at the end."""
    started: list[ZaloBotChannel] = []

    async def make(
        engine: Any, app: web.Application | None = None, **overrides: Any
    ) -> ZaloBotChannel:
        settings = ZaloBotSettings(token=SecretStr(TOKEN), api_base=bot_api.base_url, **overrides)
        channel = ZaloBotChannel(settings, engine, policy=FAST, poll_timeout=1)
        await channel.start(app)
        started.append(channel)
        return channel

    yield make
    for channel in started:
        await channel.stop()


# The OA fixtures live in their own module; importing them here makes them visible.
from tests.channels.zalo.oa_fixtures import make_oa, oa_api  # noqa: E402

__all__ = ["make_oa", "oa_api"]
