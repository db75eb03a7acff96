"""Zalo Bot Platform transport: polling, webhook secret, duplicates, bad events, long texts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.zalo_bot import ZaloBotChannel
from bot.core.images import Image
from bot.core.messages import Button, Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.bot_events import BotEvents
from tests.channels.zalo.fake_bot_api import TOKEN, FakeZaloBotAPI
from tests.channels.zalo.zalo_client import ZaloBotChat
from tests.core.fakes import FakeNlu, build_engine, memory_sessions

MakeBot = Callable[..., Awaitable[ZaloBotChannel]]
Serve = Callable[[web.Application], Awaitable[str]]
SECRET = "zalo-hook-Secret_42"
HOOK = {
    "mode": "webhook",
    "webhook_url": "https://ocop.example/zalo/bot/webhook",
    "webhook_secret": SecretStr(SECRET),
}


async def post(url: str, body: object, secret: str | None = SECRET) -> int:
    headers = {"X-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers) as r,
    ):
        return r.status


async def test_polling_answers_a_text_and_says_hello_first(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    channel = await make_bot(FakeEngine())
    chat = ZaloBotChat(bot_api, channel, "zl-1")
    await chat.send("xin chào")
    assert bot_api.texts("zl-1") == ["echo xin chào"]
    assert bot_api.calls[0].method == "getMe"
    assert not bot_api.ok_calls("setWebhook")


async def test_webhook_sets_itself_with_the_secret_and_answers(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, serve: Serve, events: BotEvents
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_bot(engine, app, **HOOK)
    base = await serve(app)
    [hook] = await bot_api.wait_for("setWebhook")
    assert hook.params == {"url": HOOK["webhook_url"], "secret_token": SECRET}
    event = events.text("zl-2", "chào", user_id="u-77")
    assert await post(f"{base}/zalo/bot/webhook", events.wrapped(event)) == 200
    await channel.queue.drain()
    assert bot_api.texts("zl-2") == ["echo chào"]
    [got] = engine.received
    assert (got.channel, got.chat_id, got.user_id) == ("zalo_bot", "zl-2", "u-77")
    assert got.message_id == event["message"]["message_id"]
    assert not bot_api.ok_calls("getUpdates")


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET.upper()])
async def test_a_wrong_or_missing_secret_gets_401_and_nothing_happens(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, serve: Serve, events: BotEvents, secret: str | None
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_bot(engine, app, **HOOK)
    base = await serve(app)
    body = events.wrapped(events.text("zl-3", "hack"))
    assert await post(f"{base}/zalo/bot/webhook", body, secret) == 401
    await channel.queue.drain()
    assert engine.received == [] and not bot_api.ok_calls("sendMessage")


async def test_a_repeated_message_id_is_answered_once_by_the_real_engine(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, serve: Serve, events: BotEvents
) -> None:
    async def echo_text(turn: Turn) -> Outcome:
        return Outcome([Reply(f"echo {turn.msg.text}")])

    router = Router()
    router.set_fallback(echo_text)
    app = web.Application()
    async with memory_sessions() as sessions:
        channel = await make_bot(build_engine(sessions, router, FakeNlu({})), app, **HOOK)
        base = await serve(app)
        body = events.wrapped(events.text("zl-4", "một lần thôi"))
        for _ in range(3):
            assert await post(f"{base}/zalo/bot/webhook", body) == 200
        await channel.queue.drain()
    assert bot_api.texts("zl-4") == ["echo một lần thôi"]


async def test_bad_and_unknown_events_are_acknowledged_and_skipped(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, serve: Serve, events: BotEvents
) -> None:
    app = web.Application()
    engine = FakeEngine()
    channel = await make_bot(engine, app, **HOOK)
    base = await serve(app)
    url = f"{base}/zalo/bot/webhook"
    headers = {"X-Bot-Api-Secret-Token": SECRET}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=b"{nope", headers=headers) as r,
    ):
        assert r.status == 200
    no_chat = events.text("zl-5", "x")
    del no_chat["message"]["chat"]
    unknown = events.text("zl-5", "x") | {"event_name": "message.reaction.received"}
    for body in ([1, 2], {"ok": True}, events.wrapped(unknown), no_chat, "x"):
        assert await post(url, body) == 200
    await channel.queue.drain()
    assert engine.received == []
    assert await post(url, events.wrapped(events.text("zl-5", "ok"))) == 200
    await channel.queue.drain()
    assert bot_api.texts("zl-5") == ["echo ok"]


async def test_long_texts_are_split_below_2000_and_options_numbered(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    long = "\n".join(f"Dòng {i}: " + "trà hoa vàng Ba Chẽ " * 12 for i in range(40))
    buttons = (Button("Quy Hoa", "p:1"), Button("Đạp Thanh", "p:2"))
    channel = await make_bot(FakeEngine(lambda m: [Reply(long, buttons)]))
    await ZaloBotChat(bot_api, channel, "zl-6").send("kể hết đi")
    texts = bot_api.texts("zl-6")
    assert len(texts) > 4 and all(len(t) < 2000 for t in texts)
    assert texts[-1].endswith("1. Quy Hoa\n2. Đạp Thanh")
    assert "".join(texts).replace("\n", "") == (long + "1. Quy Hoa2. Đạp Thanh").replace("\n", "")


async def test_images_go_as_photos_before_the_text(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    reply = Reply("Trà hoa vàng", image=Image.from_url("https://ocop.example/tra.jpg"))
    channel = await make_bot(FakeEngine(lambda m: [reply]))
    await ZaloBotChat(bot_api, channel, "zl-7").send("ảnh")
    sent = [c for c in bot_api.calls if c.chat_id == "zl-7"]
    assert [c.method for c in sent] == ["sendPhoto", "sendMessage"]
    assert sent[0].params["photo"] == "https://ocop.example/tra.jpg"


async def test_the_token_never_reaches_the_logs(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, caplog: pytest.LogCaptureFixture
) -> None:
    bot_api.fail("getMe", status=0)
    bot_api.fail("sendMessage", times=10, status=400, description="bad chat")
    channel = await make_bot(FakeEngine())
    await ZaloBotChat(bot_api, channel, "zl-8").send("hi")
    assert "bad chat" in caplog.text
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text
