"""The three webhooks under hostile requests, and their durable inbox (record, then 200)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.inbox import WebhookInbox, webhook_inbox
from bot.channels.telegram.webhook import WebhookHandler
from bot.channels.zalo_bot.webhook import BotWebhook
from bot.channels.zalo_oa.signature import SIGNATURE_HEADER, signature
from bot.channels.zalo_oa.webhook import OaWebhook
from catalog.db import make_engine, make_session_factory, upgrade
from tests.db_servers import sqlite_url
from tests.loopback import serve_on_loopback
from tests.raw_http import raw_request

APP, KEY, SECRET = "4321", "oa-key", "tg-secret"
DB = async_sessionmaker[AsyncSession]


class Site:
    """The three webhooks on one loopback app, each feeding into `fed`."""

    def __init__(self, feed: Callable[[str], Callable[[Any], Any]]) -> None:
        self.app = web.Application()
        bot = Bot("123456:TEST-fake-token")
        WebhookHandler(Dispatcher(), bot, SECRET, feed("telegram")).mount(self.app, "/tg")
        BotWebhook(SECRET, feed("zalo_bot")).mount(self.app, "/zb")
        OaWebhook(APP, KEY, timedelta(minutes=5), feed("zalo_oa")).mount(self.app, "/oa")
        self.host, self.port = "", 0

    async def post(self, path: str, headers: list[bytes], body: bytes) -> tuple[int, bytes]:
        return await raw_request(self.host, self.port, "POST", path, headers, body)


@pytest.fixture
async def served() -> AsyncIterator[tuple[Site, list[tuple[str, Any]]]]:
    fed: list[tuple[str, Any]] = []
    site = Site(lambda channel: lambda body: fed.append((channel, body)))
    runner, base = await serve_on_loopback(site.app)
    site.host, site.port = base.removeprefix("http://").split(":")[0], int(base.rsplit(":", 1)[1])
    yield site, fed
    await runner.cleanup()


def oa_headers(body: bytes, stamp: str) -> list[bytes]:
    return [f"{SIGNATURE_HEADER}: {signature(APP, body, stamp, KEY)}".encode()]


@pytest.mark.parametrize(
    ("path", "header"),
    [
        ("/tg", b"X-Telegram-Bot-Api-Secret-Token: \xff\xfe"),
        ("/tg", "X-Telegram-Bot-Api-Secret-Token: bí mật".encode()),
        ("/zb", b"X-Bot-Api-Secret-Token: \xff\xfe"),
        ("/oa", b"X-ZEvent-Signature: mac=\xff\xfe"),
    ],
)
async def test_strange_bytes_in_a_secret_header_are_401(
    served: tuple[Site, list[Any]], path: str, header: bytes
) -> None:
    """Regression: non-ASCII or 0xff bytes in secret/signature headers gave a 500."""
    site, fed = served
    status, _ = await site.post(path, [header], b'{"timestamp": "1"}')
    assert status == 401 and fed == []


async def test_the_oa_signature_is_checked_before_the_body_is_parsed(
    served: tuple[Site, list[Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """Regression: an unsigned body nested 1000 deep was parsed (and crashed) first."""
    site, fed = served
    deep = b'{"timestamp": "1", "x": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    status, _ = await site.post("/oa", [b"X-ZEvent-Signature: mac=00"], deep)
    assert status == 401 and fed == []
    assert [r.getMessage() for r in caplog.records if "zalo_oa" in r.name] == [
        "zalo_oa webhook: a wrong signature from 127.0.0.1, refused"
    ]
    # Signed, but nested too deep: refused as a body we do not take, still one line.
    status, _ = await site.post("/oa", oa_headers(deep, "1"), deep)
    assert status == 401 and fed == []


@pytest.mark.parametrize("stamp", ["1e400", "NaN", "Infinity", "99999999999999999999"])
async def test_a_non_finite_timestamp_is_401(served: tuple[Site, list[Any]], stamp: str) -> None:
    """Regression: a non-finite timestamp made the age check raise."""
    site, fed = served
    body = json.dumps({"app_id": APP, "timestamp": stamp, "event_name": "x"}).encode()
    status, _ = await site.post("/oa", oa_headers(body, stamp), body)
    assert status == 401 and fed == []


@pytest.mark.parametrize("path", ["/tg", "/zb"])
async def test_a_body_nested_too_deep_is_acknowledged_and_dropped(
    served: tuple[Site, list[Any]], path: str
) -> None:
    site, fed = served
    header = b"X-Telegram-Bot-Api-Secret-Token: " if path == "/tg" else b"X-Bot-Api-Secret-Token: "
    status, _ = await site.post(path, [header + SECRET.encode()], b"[" * 1000 + b"]" * 1000)
    assert status == 200 and fed == []


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[DB]:
    engine = make_engine(sqlite_url(tmp_path))
    await upgrade(engine)
    yield make_session_factory(engine)
    await engine.dispose()


async def test_an_update_is_recorded_before_the_200_and_run_again_after_a_crash(db: DB) -> None:
    """Regression: updates answered 200 were lost when the process died before handling."""
    inbox = WebhookInbox(db)
    stuck: list[Any] = []
    # The first process records the update, then dies before its task finishes.
    accept = inbox.durable("telegram", lambda body: _never_finishing(stuck, body))
    await accept({"update_id": 1, "message": {"text": "Xác nhận"}})
    for task in stuck:
        task.cancel()

    handled: list[Any] = []

    async def handle(body: Any) -> None:
        handled.append(body)

    restarted = WebhookInbox(db)
    assert await restarted.recover("telegram", lambda b: asyncio.create_task(handle(b))) == 1
    await asyncio.sleep(0.05)
    await restarted.drain()
    assert handled == [{"update_id": 1, "message": {"text": "Xác nhận"}}]
    async with db() as session:
        assert (await session.scalars(select(webhook_inbox.c.processed_at))).one() is not None
    assert await restarted.recover("telegram", lambda b: None) == 0
    # The platform posts it once more: a no-op.
    await restarted.durable("telegram", lambda b: handled.append(b))(handled[0])
    assert len(handled) == 1


async def test_a_repost_of_an_update_left_unprocessed_is_run_by_the_live_process(db: DB) -> None:
    """The process that recorded it died before the 200; the retry reaches another one."""
    stuck: list[Any] = []
    await WebhookInbox(db).durable("zalo_oa", lambda b: _never_finishing(stuck, b))({"m": 1})
    for task in stuck:
        task.cancel()
    handled: list[Any] = []

    async def handle(body: Any) -> None:
        handled.append(body)

    live = WebhookInbox(db)
    await live.durable("zalo_oa", lambda b: asyncio.create_task(handle(b)))({"m": 1})
    await asyncio.sleep(0.05)
    await live.drain()
    assert handled == [{"m": 1}]
    await live.durable("zalo_oa", lambda b: asyncio.create_task(handle(b)))({"m": 1})
    assert handled == [{"m": 1}]  # processed now: a plain replay


def _never_finishing(tasks: list[Any], body: Any) -> asyncio.Task[None]:
    task = asyncio.get_running_loop().create_task(asyncio.sleep(3600))
    tasks.append(task)
    return task


async def test_an_update_that_cannot_be_recorded_gets_503(tmp_path: Path) -> None:
    """The platform must send it again: a 200 would be a promise we cannot keep."""
    engine = make_engine(sqlite_url(tmp_path))  # never migrated: no webhook_inbox table
    inbox = WebhookInbox(make_session_factory(engine))
    site = Site(lambda channel: inbox.durable(channel, lambda b: None))
    runner, base = await serve_on_loopback(site.app)
    try:
        site.host, site.port = "127.0.0.1", int(base.rsplit(":", 1)[1])
        header = b"X-Bot-Api-Secret-Token: " + SECRET.encode()
        status, _ = await site.post("/zb", [header], json.dumps({"t": time.time()}).encode())
        assert status == 503
    finally:
        await runner.cleanup()
        await engine.dispose()


async def test_an_oa_event_answered_503_is_taken_when_zalo_sends_it_again() -> None:
    """The replay filter (RecentIds) must not drop the resend of an event never recorded."""
    attempts: list[Any] = []

    async def flaky(body: Any) -> None:  # a durable feed whose first commit fails
        attempts.append(body)
        if len(attempts) == 1:
            raise OSError("disk full")

    site = Site(lambda channel: flaky if channel == "zalo_oa" else (lambda b: None))
    runner, base = await serve_on_loopback(site.app)
    try:
        site.host, site.port = "127.0.0.1", int(base.rsplit(":", 1)[1])
        stamp = str(int(time.time() * 1000))
        event = {
            "app_id": APP,
            "event_name": "user_send_text",
            "timestamp": stamp,
            "sender": {"id": "f1"},
            "message": {"text": "còn hàng không shop", "msg_id": "m-503"},
        }
        body = json.dumps(event).encode()
        statuses = [(await site.post("/oa", oa_headers(body, stamp), body))[0] for _ in range(3)]
    finally:
        await runner.cleanup()
    assert statuses == [503, 200, 200]
    assert len(attempts) == 2  # the resend was recorded; the third, a replay, dropped
