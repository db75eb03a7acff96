"""Fixtures: a fake Bot API on loopback, a scripted engine, channels that stop themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.telegram import RateLimits, TelegramChannel
from bot.channels.telegram.protocols import ChatMoved, MessageHandler, ignore_move
from bot.config import TelegramSettings
from tests.channels.telegram.fake_api import TOKEN, FakeBotAPI
from tests.channels.telegram.updates import Updates

# Fast enough for tests, slow enough that the limiter really works.
TEST_LIMITS = RateLimits(
    overall_rate=300, overall_burst=30, chat_rate=40, chat_burst=4, group_rate=40, group_burst=4
)


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
        chat_moved: ChatMoved = ignore_move,
        **overrides: Any,
    ) -> TelegramChannel:
        channel = TelegramChannel(
            settings(**overrides),
            engine,
            limits=limits,
            poll_timeout=1,
            retry_delay=0.05,
            chat_moved=chat_moved,
        )
        await channel.start(app)
        started.append(channel)
        return channel

    yield make
    for channel in started:
        await channel.stop()
