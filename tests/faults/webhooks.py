"""Platform stand-ins: Telegram and Zalo OA post updates, and post again until answered 200
(what both platforms do), recording each update the bot acknowledged."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web

from bot.channels.zalo_oa.signature import SIGNATURE_HEADER, signature
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.zalo.fake_oa_api import APP_ID, OA_SECRET_KEY, FakeZaloOA
from tests.faults.clients import Tally, retried

TG_SECRET = "fault-suite-secret_0123456789"
BURST = 12
PAUSE = 0.3  # between bursts: the traffic spans the whole run of kills
LATENCY = 0.1  # of the fake platform APIs
WORDS = ["xin chào", "nước mắm Cái Rồng giá bao nhiêu", "sản phẩm 5 sao", "hello", "menu"]


def telegram_update(update_id: int, chat: int, text: str) -> dict[str, Any]:
    person = {"id": chat, "is_bot": False, "first_name": "An", "language_code": "vi"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": "An"},
            "from": person,
            "text": text,
        },
    }


def oa_event(msg_id: str, sender: str, text: str) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "user_id_by_app": f"app-{sender}",
        "event_name": "user_send_text",
        "timestamp": str(int(time.time() * 1000)),
        "sender": {"id": sender},
        "recipient": {"id": "oa-579745863508352884"},
        "message": {"text": text, "msg_id": msg_id},
    }


async def post_telegram(
    http: aiohttp.ClientSession, base: str, tally: Tally, count: int, deadline: float
) -> None:
    """Posts `count` updates from five chats, several at once, each until acknowledged."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
    url = f"{base}/telegram/webhook"

    async def one(n: int) -> None:
        chat = 7000 + n % 5
        update = telegram_update(n, chat, WORDS[n % len(WORDS)])
        status, _ = await retried(http, tally, "POST", url, deadline, json=update, headers=headers)
        assert status == 200, status
        tally.ack("telegram", f"{chat}:{n}")

    await in_bursts(one, count)


async def in_bursts(post: Callable[[int], Awaitable[None]], count: int) -> None:
    """Posts BURST at a time (platforms deliver in parallel), then a short pause."""
    for first in range(1, count + 1, BURST):
        await asyncio.gather(*(post(n) for n in range(first, min(first + BURST, count + 1))))
        await asyncio.sleep(PAUSE)


async def post_zalo_oa(
    http: aiohttp.ClientSession, base: str, tally: Tally, count: int, deadline: float
) -> None:
    """Posts `count` signed events from five followers; a retry is the same signed body."""
    url = f"{base}/zalo/oa/webhook"

    async def one(n: int) -> None:
        sender, msg_id = f"follower-{n % 5}", f"oa-msg-{n}"
        event = oa_event(msg_id, sender, WORDS[n % len(WORDS)])
        body = json.dumps(event).encode()
        mac = signature(APP_ID, body, event["timestamp"], OA_SECRET_KEY)
        headers = {SIGNATURE_HEADER: mac, "Content-Type": "application/json"}
        status, _ = await retried(http, tally, "POST", url, deadline, data=body, headers=headers)
        assert status == 200, status
        tally.ack("zalo_oa", f"{sender}:{msg_id}")

    await in_bursts(one, count)


class SlowBotAPI(FakeBotAPI):
    """The fake Telegram API answering after LATENCY s, as over a real network: a chat's
    updates queue up behind its replies, so a crash finds acknowledged updates waiting."""

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(LATENCY)
        return await super()._handle(request)


class SlowZaloOA(FakeZaloOA):
    """The fake Zalo OA answering its CS message API after LATENCY s."""

    async def _cs(self, request: web.Request) -> web.Response:
        await asyncio.sleep(LATENCY)
        return await super()._cs(request)
