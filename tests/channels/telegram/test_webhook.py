"""Webhook mode: the route on the shared aiohttp app, the secret header, Telegram's retries."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web

from bot.channels.telegram import TelegramChannel
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.engines import echo_engine
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.hooks import HOOK, SECRET, Serve, post
from tests.channels.telegram.updates import Updates

MakeChannel = Callable[..., Awaitable[TelegramChannel]]


async def test_start_sets_the_webhook_with_the_secret_and_commands(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    await make_channel(FakeEngine(), web.Application(), **HOOK)
    await fake_api.wait_for("setMyCommands", 3)
    [hook] = fake_api.ok_calls("setWebhook")
    assert hook.params["url"] == HOOK["webhook_url"]
    assert hook.params["secret_token"] == SECRET
    assert set(hook.params["allowed_updates"]) == {"message", "callback_query"}
    assert len(fake_api.ok_calls("setMyCommands")) == 3
    assert not fake_api.ok_calls("getUpdates") and not fake_api.ok_calls("deleteWebhook")


async def test_an_update_with_the_right_secret_is_answered(
    fake_api: FakeBotAPI, make_channel: MakeChannel, serve: Serve, updates: Updates
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_channel(engine, app, **HOOK)
    base = await serve(app)
    assert await post(f"{base}/telegram/webhook", updates.text(1001, "chào bot")) == 200
    await channel.feeder.drain()
    assert fake_api.texts(1001) == ["echo chào bot"]


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x"])
async def test_a_wrong_or_missing_secret_gets_401_and_nothing_happens(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    serve: Serve,
    updates: Updates,
    secret: str | None,
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_channel(engine, app, **HOOK)
    base = await serve(app)
    assert await post(f"{base}/telegram/webhook", updates.text(1001, "hack"), secret) == 401
    await channel.feeder.drain()
    assert engine.received == [] and not fake_api.ok_calls("sendMessage")


async def test_telegram_retrying_a_delivered_update_changes_nothing(
    fake_api: FakeBotAPI, make_channel: MakeChannel, serve: Serve, updates: Updates
) -> None:
    app = web.Application()
    async with echo_engine() as engine:
        channel = await make_channel(engine, app, **HOOK)
        base = await serve(app)
        update = updates.text(1001, "một lần thôi")
        for _ in range(3):
            assert await post(f"{base}/telegram/webhook", update) == 200
        await channel.feeder.drain()
    assert fake_api.texts(1001) == ["echo một lần thôi"]


async def test_garbage_bodies_are_acknowledged_and_skipped(
    fake_api: FakeBotAPI, make_channel: MakeChannel, serve: Serve, updates: Updates
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_channel(engine, app, **HOOK)
    base = await serve(app)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{base}/telegram/webhook", data=b"{nope", headers=headers) as r:
            assert r.status == 200
        for body in ([1, 2], {"update_id": "x"}, updates.sticker(1001)):
            async with session.post(f"{base}/telegram/webhook", json=body, headers=headers) as r:
                assert r.status == 200
    await channel.feeder.drain()
    assert engine.received == []
    assert await post(f"{base}/telegram/webhook", updates.text(1001, "ok")) == 200
    await channel.feeder.drain()
    assert fake_api.texts(1001) == ["echo ok"]


async def test_telegram_down_at_start_leaves_the_app_up_and_the_webhook_is_set_later(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    serve: Serve,
    updates: Updates,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_api.fail("setWebhook", times=6, status=500)
    app = web.Application()
    channel = await make_channel(FakeEngine(), app, **HOOK)
    base = await serve(app)
    assert await post(f"{base}/telegram/webhook", updates.text(1001, "sớm")) == 200
    await fake_api.wait_for("setWebhook", timeout=10)
    await channel.feeder.drain()
    assert fake_api.texts(1001) == ["echo sớm"]
    assert fake_api.token not in caplog.text
    assert fake_api.token.split(":")[1] not in caplog.text


async def test_a_long_update_passes_the_web_chats_small_body_limit(
    fake_api: FakeBotAPI, make_channel: MakeChannel, serve: Serve, updates: Updates
) -> None:
    app = web.Application(client_max_size=8192)
    channel = await make_channel(FakeEngine(), app, **HOOK)
    base = await serve(app)
    text = "ướp mắm sứa ở Cửa Ông; " * 169  # ~3900 chars
    update = updates.text(1001, text.strip())
    assert len(json.dumps(update)) > 9_000  # non-ASCII travels as \\uXXXX
    assert await post(f"{base}/telegram/webhook", update) == 200
    await channel.feeder.drain()
    assert fake_api.texts(1001) == [f"echo {text.strip()}"]


async def test_webhook_mode_refuses_to_start_without_a_secret(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    with pytest.raises(ValueError, match="webhook_secret"):
        await make_channel(FakeEngine(), web.Application(), mode="webhook")
