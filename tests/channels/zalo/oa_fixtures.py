"""Fixtures for the OA tests: the fake OA, channels on a served app, a poster."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.zalo_oa import MemoryTokenStore, TokenStore, ZaloOAChannel
from bot.config import ZaloOASettings
from tests.channels.zalo.conftest import FAST
from tests.channels.zalo.fake_oa_api import (
    APP_ID,
    APP_SECRET_KEY,
    FIRST_ACCESS,
    FIRST_REFRESH,
    OA_SECRET_KEY,
    FakeZaloOA,
)
from tests.channels.zalo.oa_events import Signed

HOOK = "/zalo/oa/webhook"


@dataclass
class OaSetup:
    channel: ZaloOAChannel
    url: str  # the webhook's URL

    async def post(self, signed: Signed | bytes, headers: dict[str, str] | None = None) -> int:
        body = signed.body if isinstance(signed, Signed) else signed
        sent = signed.headers if isinstance(signed, Signed) else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body, headers=headers or sent) as r,
        ):
            return r.status

    async def deliver(self, signed: Signed) -> int:
        status = await self.post(signed)
        await self.channel.queue.drain()
        return status


@pytest.fixture
async def oa_api() -> AsyncIterator[FakeZaloOA]:
    api = FakeZaloOA()
    await api.start()
    yield api
    await api.close()


def oa_settings(oa_api: FakeZaloOA, **overrides: Any) -> ZaloOASettings:
    values: dict[str, Any] = {
        "app_id": APP_ID,
        "secret_key": SecretStr(APP_SECRET_KEY),
        "oa_secret_key": SecretStr(OA_SECRET_KEY),
        "access_token": SecretStr(FIRST_ACCESS),
        "refresh_token": SecretStr(FIRST_REFRESH),
        "api_base": oa_api.base_url,
        "oauth_base": oa_api.base_url,
    }
    return ZaloOASettings(**(values | overrides))


@pytest.fixture
async def make_oa(
    oa_api: FakeZaloOA, serve: Callable[[web.Application], Awaitable[str]]
) -> AsyncIterator[Callable[..., Awaitable[OaSetup]]]:
    """Builds an OA channel on its own served app; stopped at the end."""
    started: list[ZaloOAChannel] = []

    async def make(engine: Any, store: TokenStore | None = None, **kwargs: Any) -> OaSetup:
        clock = kwargs.pop("clock", None)
        extra = {"clock": clock} if clock else {}
        channel = ZaloOAChannel(
            oa_settings(oa_api, **kwargs),
            engine,
            store or MemoryTokenStore(),
            policy=FAST,
            **extra,
        )
        app = web.Application(client_max_size=8192)
        await channel.start(app)
        started.append(channel)
        return OaSetup(channel, await serve(app) + HOOK)

    yield make
    for channel in started:
        await channel.stop()
