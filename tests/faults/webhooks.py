"""Platform stand-ins: Telegram and Zalo OA post updates, and post again until answered 200
(what both platforms do), recording each update the bot acknowledged."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any

import aiohttp

from bot.channels.zalo_oa.signature import SIGNATURE_HEADER, signature
from tests.channels.zalo.fake_oa_api import APP_ID, SECRET_KEY
from tests.faults.clients import Tally, retried

TG_SECRET = "fault-suite-secret_0123456789"
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
    """Posts `count` updates from five chats, each until it is acknowledged."""
    for n in range(1, count + 1):
        chat = 7000 + n % 5
        update = telegram_update(n, chat, WORDS[n % len(WORDS)])
        headers = {"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
        url = f"{base}/telegram/webhook"
        status, _ = await retried(http, tally, "POST", url, deadline, json=update, headers=headers)
        assert status == 200, status
        tally.ack("telegram", f"{chat}:{n}")
        await asyncio.sleep(0.03)


async def post_zalo_oa(
    http: aiohttp.ClientSession, base: str, tally: Tally, count: int, deadline: float
) -> None:
    """Posts `count` signed events from five followers; a retry is the same signed body."""
    ids = itertools.count(1)
    for n in range(1, count + 1):
        sender = f"follower-{n % 5}"
        msg_id = f"oa-msg-{next(ids)}"
        event = oa_event(msg_id, sender, WORDS[n % len(WORDS)])
        body = json.dumps(event).encode()
        mac = signature(APP_ID, body, event["timestamp"], SECRET_KEY)
        headers = {SIGNATURE_HEADER: mac, "Content-Type": "application/json"}
        url = f"{base}/zalo/oa/webhook"
        status, _ = await retried(http, tally, "POST", url, deadline, data=body, headers=headers)
        assert status == 200, status
        tally.ack("zalo_oa", f"{sender}:{msg_id}")
        await asyncio.sleep(0.03)
