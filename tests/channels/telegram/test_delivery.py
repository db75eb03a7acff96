"""Outgoing messages (the outbox path): rate limits, 429 storms, retries, long texts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from aiogram.exceptions import TelegramForbiddenError

from bot.channels.telegram import RateLimits, TelegramChannel
from bot.core.messages import Button, LocationCard, Reply
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.conftest import TEST_LIMITS
from tests.channels.telegram.fake_api import Call, FakeBotAPI

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
CHATS = ["2001", "2002", "2003", "2004", "-1002005"]


def peak_in_window(calls: list[Call], window: float) -> int:
    """The most calls that fell into any `window` seconds."""
    times = sorted(c.at for c in calls)
    return max(
        (sum(1 for t in times[i:] if t - start < window) for i, start in enumerate(times)),
        default=0,
    )


def within_limits(calls: list[Call], rate: float, burst: float, window: float = 0.5) -> bool:
    """True if a token bucket of (rate, burst) could have let these calls through
    (with one call of slack for loopback timing)."""
    return peak_in_window(calls, window) <= burst + rate * window + 1


async def test_fifty_pings_in_a_429_storm_all_arrive_once_in_order_within_limits(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    limits = RateLimits(
        overall_rate=60, overall_burst=10, chat_rate=10, chat_burst=2, group_rate=5, group_burst=2
    )
    channel = await make_channel(FakeEngine(), limits=limits)
    fake_api.fail("sendMessage", times=15, status=429, retry_after=1, every=3)
    pings = {chat: [f"Đơn #{n} cho {chat}" for n in range(10)] for chat in CHATS}

    async def ping(chat: str, text: str) -> None:
        await channel.send(chat, [Reply(text, (Button("Xác nhận", f"o:ok:{text[5]}"),))])

    await asyncio.gather(*(ping(c, t) for c in CHATS for t in pings[c]))

    assert sum(f.times for f in fake_api.faults) == 0  # the storm did happen
    for chat in CHATS:
        assert fake_api.texts(chat) == pings[chat], chat  # all, once each, in order
        attempts = [c for c in fake_api.calls if c.chat_id == chat]
        rate, burst = (5, 2) if chat.startswith("-") else (10, 2)
        assert within_limits(attempts, rate, burst), chat
    assert within_limits(fake_api.calls_to_chats(), 60, 10)
    for retried in (c for c in fake_api.calls if c.status == 429):
        later = [c for c in fake_api.calls if c.chat_id == retried.chat_id and c.at > retried.at]
        assert later[0].at - retried.at >= 0.95  # retry_after honoured for that chat


@pytest.mark.parametrize("status", [500, 502, 0])
async def test_server_errors_and_network_drops_are_retried(
    fake_api: FakeBotAPI, make_channel: MakeChannel, status: int
) -> None:
    channel = await make_channel(FakeEngine())
    fake_api.fail("sendMessage", times=2, status=status)
    await channel.send("2001", [Reply("Nhà sản xuất đã xác nhận đơn")])
    assert fake_api.texts("2001") == ["Nhà sản xuất đã xác nhận đơn"]
    assert [c.status for c in fake_api.calls if c.method == "sendMessage"] == [status, status, 200]


async def test_a_chat_that_blocked_the_bot_raises_for_the_outbox_without_retries(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    channel = await make_channel(FakeEngine())
    fake_api.fail("sendMessage", times=5, status=403)
    with pytest.raises(TelegramForbiddenError):
        await channel.send("2001", [Reply("ping")])
    assert len([c for c in fake_api.calls if c.method == "sendMessage"]) == 1


async def test_a_long_text_is_split_at_line_breaks_below_4096(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    channel = await make_channel(FakeEngine(), limits=TEST_LIMITS)
    lines = [f"{n}. Chả mực Hạ Long & nem chua Quảng Yên — 5 sao" for n in range(300)]
    await channel.send("2001", [Reply("\n".join(lines), (Button("Thêm", "p:page:2"),))])
    sent = fake_api.ok_calls("sendMessage", "2001")
    assert len(sent) > 1
    texts = [c.params["text"].replace("&amp;", "&") for c in sent]
    assert all(len(t) < 4096 for t in texts)
    assert "\n".join(texts).split("\n") == lines
    assert [("reply_markup" in c.params) for c in sent] == [False] * (len(sent) - 1) + [True]


async def test_a_location_card_goes_out_as_a_venue_after_its_text(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    channel = await make_channel(FakeEngine())
    card = LocationCard(21.0, 107.3, "Cửa hàng OCOP <Bãi Cháy>")
    await channel.send("2001", [Reply("Ghé đây nhé", location=card)])
    assert [c.method for c in fake_api.calls if c.chat_id == "2001"] == [
        "sendMessage",
        "sendVenue",
    ]
    [venue] = fake_api.ok_calls("sendVenue")
    assert venue.params["title"] == "Cửa hàng OCOP <Bãi Cháy>"  # venues are not parsed as HTML
