"""Pings through `send` (what the outbox dispatcher calls): quota errors, 5xx, drops,
refusals; every message arrives, in order, once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.channels.zalo_bot import ZaloBotChannel
from bot.channels.zalo_bot.errors import TransientError, ZaloApiError
from bot.core.messages import Reply
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.fake_bot_api import FakeZaloBotAPI

MakeBot = Callable[..., Awaitable[ZaloBotChannel]]


async def test_a_burst_of_pings_survives_a_quota_storm_in_order(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    channel = await make_bot(FakeEngine())
    bot_api.fail("sendMessage", times=6, status=429)
    bot_api.fail("sendMessage", times=3, status=200, code=429, description="quota")
    pings = [channel.send("producer-1", [Reply(f"Đơn mới #{i}")]) for i in range(30)]
    pings += [channel.send("customer-2", [Reply(f"Cập nhật #{i}")]) for i in range(10)]
    await asyncio.gather(*pings)
    assert bot_api.texts("producer-1") == [f"Đơn mới #{i}" for i in range(30)]
    assert bot_api.texts("customer-2") == [f"Cập nhật #{i}" for i in range(10)]
    refused = [c for c in bot_api.calls if c.method == "sendMessage" and c.status != 200]
    assert len(refused) == 9


async def test_server_errors_and_drops_are_retried(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    channel = await make_bot(FakeEngine())
    bot_api.fail("sendMessage", times=2, status=502, description="Bad Gateway")
    bot_api.fail("sendMessage", times=1, status=0)
    await channel.send("zl-9", [Reply("tới nơi")])
    assert bot_api.texts("zl-9") == ["tới nơi"]


async def test_endless_server_errors_raise_so_the_outbox_retries_later(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    channel = await make_bot(FakeEngine())
    bot_api.fail("sendMessage", times=50, status=500, description="down")
    with pytest.raises(TransientError):
        await channel.send("zl-10", [Reply("sau")])


async def test_a_refusal_raises_at_once(bot_api: FakeZaloBotAPI, make_bot: MakeBot) -> None:
    channel = await make_bot(FakeEngine())
    bot_api.fail("sendMessage", times=1, status=403, description="user blocked the bot")
    with pytest.raises(ZaloApiError) as refused:
        await channel.send("zl-11", [Reply("x")])
    assert refused.value.code == 403
    assert len([c for c in bot_api.calls if c.method == "sendMessage"]) == 1
