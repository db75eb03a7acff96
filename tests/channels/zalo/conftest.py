"""Fixtures: fake Zalo servers on loopback, a scripted engine, channels that stop themselves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.zalo_bot import RetryPolicy, ZaloBotChannel
from bot.config import ZaloBotSettings
from tests.channels.zalo.bot_events import BotEvents
from tests.channels.zalo.fake_bot_api import TOKEN, FakeZaloBotAPI

# Fast enough for tests; quota back-off still really waits (50 ms and up).
FAST = RetryPolicy(base_delay=0.02, max_delay=0.2, quota_delay=0.05, quota_max_delay=0.2)


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
