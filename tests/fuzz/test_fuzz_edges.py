"""A bounded, seeded fuzz of every way in: the web chat API (messages, updates, history),
the Telegram, Zalo Bot and Zalo OA webhooks, the operator console's sign-in form and
pages, and every payload kind, on the real composition (engine, SQLite, NLU).

It counts server errors (any 5xx) and handler crashes (an ERROR logged by the bot: an
apology after a traceback); both must be 0. FUZZ_SEED and FUZZ_CASES replay or widen it.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import mount_console, start_channels
from bot.channels.zalo_oa.signature import SIGNATURE_HEADER, signature
from bot.config import Settings
from bot.runtime import open_runtime
from tests.channels.telegram.fake_api import TOKEN as TG_TOKEN
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.zalo.fake_bot_api import TOKEN as ZB_TOKEN
from tests.channels.zalo.fake_bot_api import FakeZaloBotAPI
from tests.channels.zalo.fake_oa_api import (
    APP_ID,
    APP_SECRET_KEY,
    FIRST_ACCESS,
    FIRST_REFRESH,
    OA_SECRET_KEY,
    FakeZaloOA,
)
from tests.fuzz.hostile import IDS, NUMBERS, ROUTES, Hostile, form_body

SEED = int(os.environ.get("FUZZ_SEED", "2026"))
CASES = int(os.environ.get("FUZZ_CASES", "240"))
TG_SECRET, ZB_SECRET = "fuzz-telegram-secret", "fuzz-zalo-bot-secret"


def fuzz_settings(tmp_path: Path, tg: str, zb: str, oa: str) -> Settings:
    return Settings(
        database={"url": f"sqlite+aiosqlite:///{tmp_path / 'fuzz.db'}"},
        web={"port": 0, "rate_per_minute": 100_000, "sessions_per_minute": 100_000},
        nlu={"model_dir": tmp_path / "nlu"},
        telegram={
            "token": TG_TOKEN,
            "mode": "webhook",
            "webhook_secret": TG_SECRET,
            "api_base": tg,
        },
        zalo_bot={
            "token": ZB_TOKEN,
            "mode": "webhook",
            "webhook_secret": ZB_SECRET,
            "api_base": zb,
        },
        zalo_oa={
            "app_id": APP_ID,
            "secret_key": APP_SECRET_KEY,
            "oa_secret_key": OA_SECRET_KEY,
            "access_token": FIRST_ACCESS,
            "refresh_token": FIRST_REFRESH,
            "api_base": oa,
            "oauth_base": oa,
        },
    )


@pytest.fixture
async def stack(tmp_path: Path) -> AsyncIterator[tuple[TestClient, list[Any]]]:
    tg, zb, oa = FakeBotAPI(), FakeZaloBotAPI(), FakeZaloOA()
    for fake in (tg, zb, oa):
        await fake.start()
    settings = fuzz_settings(tmp_path, tg.base_url, zb.base_url, oa.base_url)
    try:
        async with open_runtime(settings) as runtime:
            app = web.Application(client_max_size=settings.web.max_body_bytes)
            started = await start_channels(settings, runtime, app)
            mount_console(settings, runtime, app)
            async with TestClient(TestServer(app, host="127.0.0.1")) as client:
                yield client, started
            for channel in started:
                await channel.stop()
    finally:
        for fake in (tg, zb, oa):
            await fake.close()


class Fuzzer:
    def __init__(self, client: TestClient, hostile: Hostile) -> None:
        self.client, self.h = client, hostile
        self.statuses: list[tuple[str, int]] = []
        self.token = ""

    async def record(self, what: str, response: Any) -> None:
        self.statuses.append((what, response.status))
        await response.read()

    async def web(self) -> None:
        if not self.token or self.h.rng.random() < 0.05:
            response = await self.client.post("/api/chat/session")
            self.token = (await response.json())["token"]
        auth = self.h.rng.choice([f"Bearer {self.token}"] * 8 + ["Bearer x", "Basic y"])
        headers = {"Authorization": auth, "Content-Type": "application/json"}
        if self.h.rng.random() < 0.1:
            r = await self.client.get("/api/chat/history", headers=headers)
            return await self.record("web history", r)
        if self.h.rng.random() < 0.15:
            wait = self.h.rng.choice(["0", "-1", "nan", "1e9", "٣", "inf", ""])
            after = self.h.rng.choice(["", "0", "-1", "٣", "1e3", str(2**53 - 1), "9" * 40])
            query = f"wait={wait}" + (f"&after={after}" if after else "")
            r = await self.client.get(f"/api/chat/updates?{query}", headers=headers)
            return await self.record("web updates", r)
        body = self.h.json_body()
        await self.record(
            "web", await self.client.post("/api/chat/messages", data=body, headers=headers)
        )

    async def console(self) -> None:
        """The console's anonymous ways in: the sign-in form, pages, ids past SQL's range."""
        if self.h.rng.random() < 0.3:
            path = self.h.rng.choice(
                [
                    "/admin/login",
                    "/admin/orders/99999999999999999999",
                    "/admin/inbox/1/messages",
                    "/admin/catalog?q=%00",
                    "/admin/orders?producer=a%00b",
                    "/admin/lang?to=%ff",
                ]
            )
            return await self.record("console page", await self.client.get(path))
        body, content_type = form_body(self.h.rng, self.h.text())
        r = await self.client.post(
            "/admin/login", data=body, headers={"Content-Type": content_type}
        )
        await self.record("console sign-in", r)

    async def telegram(self, n: int) -> None:
        chat = 500 + n % 7
        person = {"id": chat, "is_bot": False, "first_name": "An"}
        if self.h.rng.random() < 0.5:
            update = {
                "update_id": n,
                "message": {
                    "message_id": n,
                    "date": int(time.time()),
                    "from": person,
                    "chat": {"id": chat, "type": "private"},
                    "text": self.h.text(),
                },
            }
        else:
            message = {"message_id": n - 1, "date": 0, "chat": {"id": chat, "type": "private"}}
            update = {
                "update_id": n,
                "callback_query": {
                    "id": str(n),
                    "from": person,
                    "chat_instance": "c",
                    "message": message,
                    "data": self.h.payload()[:64],
                },
            }
        secret = self.h.rng.choice([TG_SECRET] * 9 + ["wrong"])
        r = await self.client.post(
            "/telegram/webhook",
            data=json.dumps(update),
            headers={
                "X-Telegram-Bot-Api-Secret-Token": secret,
                "Content-Type": "application/json",
            },
        )
        await self.record("telegram", r)

    async def zalo_bot(self, n: int) -> None:
        text = self.h.text() if self.h.rng.random() < 0.7 else self.h.payload()
        message = {
            "from": {"id": f"u{n % 5}", "display_name": "Lan", "is_bot": False},
            "chat": {"id": f"u{n % 5}", "chat_type": "PRIVATE"},
            "text": text,
            "message_id": f"zb-{n}",
            "date": int(time.time() * 1000),
        }
        body = {"ok": True, "result": {"event_name": "message.text.received", "message": message}}
        r = await self.client.post(
            "/zalo/bot/webhook",
            data=json.dumps(body),
            headers={"X-Bot-Api-Secret-Token": ZB_SECRET, "Content-Type": "application/json"},
        )
        await self.record("zalo_bot", r)

    async def zalo_oa(self, n: int) -> None:
        stamp = self.h.rng.choice([str(int(time.time() * 1000))] * 8 + ["1e400", "NaN", "-5"])
        event = {
            "app_id": APP_ID,
            "event_name": "user_send_text",
            "timestamp": stamp,
            "sender": {"id": f"f{n % 5}"},
            "recipient": {"id": "oa"},
            "message": {"text": self.h.text(), "msg_id": f"oa-{n}"},
        }
        body = json.dumps(event).encode()
        mac = signature(APP_ID, body, stamp, OA_SECRET_KEY)
        mac = self.h.rng.choice([mac] * 9 + ["mac=\xff\xfe"])
        r = await self.client.post(
            "/zalo/oa/webhook",
            data=body,
            headers={SIGNATURE_HEADER: mac.encode("latin-1", "replace").decode("latin-1")},
        )
        await self.record("zalo_oa", r)


async def test_no_input_makes_a_server_error_or_a_handler_crash(
    stack: tuple[TestClient, list[Any]], caplog: pytest.LogCaptureFixture
) -> None:
    client, started = stack
    fuzzer = Fuzzer(client, Hostile(SEED))
    caplog.set_level(logging.WARNING)
    for n in range(1, CASES + 1):
        kind = n % 5
        if kind == 4:
            await fuzzer.console()
        elif kind == 0:
            await fuzzer.web()
        elif kind == 1:
            await fuzzer.telegram(n)
        elif kind == 2:
            await fuzzer.zalo_bot(n)
        else:
            await fuzzer.zalo_oa(n)
    for channel in started:  # let the webhooks' background work finish
        queue = getattr(channel, "queue", None) or getattr(channel, "feeder", None)
        await queue.drain()
    errors = [s for s in fuzzer.statuses if s[1] >= 500]
    crashes = [
        r.getMessage()[:200]
        for r in caplog.records
        if r.levelno >= logging.ERROR and r.name.startswith(("bot", "aiohttp", "aiogram"))
    ]
    kinds = {w for w, _ in fuzzer.statuses}
    print(
        f"\nfuzz (seed {SEED}): {len(fuzzer.statuses)} requests over {sorted(kinds)}, "
        f"{len(errors)} server errors, {len(crashes)} handler crashes"
    )
    assert not errors, errors[:10]
    assert not crashes, crashes[:10]


async def test_every_payload_kind_with_hostile_arguments(
    stack: tuple[TestClient, list[Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """Every button route, each with every hostile number (and a few ids), pressed once."""
    client, _ = stack
    caplog.set_level(logging.WARNING)
    token = (await (await client.post("/api/chat/session")).json())["token"]
    headers = {"Authorization": f"Bearer {token}"}
    statuses = []
    for route in ROUTES:
        for arg in [*NUMBERS, *IDS[:3]]:
            several = route.startswith(("ck:", "ev:"))
            payload = f"{route}:{arg}:{arg}:{arg}" if several else f"{route}:{arg}"
            r = await client.post("/api/chat/messages", json={"payload": payload}, headers=headers)
            statuses.append((payload, r.status))
            await r.read()
    errors = [s for s in statuses if s[1] >= 500]
    crashes = [r.getMessage()[:200] for r in caplog.records if r.levelno >= logging.ERROR]
    print(
        f"\npayload kinds: {len(statuses)} presses, {len(errors)} server errors, "
        f"{len(crashes)} handler crashes"
    )
    assert not errors and not crashes, (errors[:5], crashes[:5])
