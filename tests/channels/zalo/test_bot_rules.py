"""Zalo Bot Platform to the letter: polling deletes a webhook first, lengths in UTF-16
units, photos by URL, stickers and voice answered with what the bot understands."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.zalo_bot import ZaloBotChannel
from bot.core.i18n import I18n
from bot.core.images import Image
from bot.core.messages import Reply
from bot.core.qr import qr_png
from bot.handlers import build_router
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.bot_events import BotEvents
from tests.channels.zalo.fake_bot_api import TOKEN, FakeZaloBotAPI
from tests.channels.zalo.zalo_client import ZaloBotChat
from tests.core.fakes import FakeNlu, build_engine

MakeBot = Callable[..., Awaitable[ZaloBotChannel]]


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def test_polling_deletes_a_webhook_left_from_before_then_answers(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    bot_api.state.webhook = {"url": "https://old.example/hook", "secret_token": "old-secret"}
    channel = await make_bot(FakeEngine())
    await ZaloBotChat(bot_api, channel, "zl-20").send("chào bot")
    assert bot_api.texts("zl-20") == ["echo chào bot"]
    methods = [c.method for c in bot_api.calls]
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    assert not [c for c in bot_api.calls if c.status == 409]


async def test_the_fake_refuses_get_updates_while_a_webhook_is_set(
    bot_api: FakeZaloBotAPI,
) -> None:
    bot_api.state.webhook = {"url": "https://ocop.example/zalo/bot/webhook"}
    url = f"{bot_api.base_url}/bot{TOKEN}/getUpdates"
    async with aiohttp.ClientSession() as session, session.post(url, json={}) as response:
        body = await response.json()
    assert response.status == 409 and body["ok"] is False


async def test_texts_are_split_at_2000_utf16_units_not_characters(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    long = "🦪🐟🍵 Chả mực Hạ Long " * 95
    assert len(long) < 2000 < units(long)
    channel = await make_bot(FakeEngine(lambda m: [Reply(long)]))
    await ZaloBotChat(bot_api, channel, "zl-21").send("kể hết đi")
    texts = bot_api.texts("zl-21")
    assert len(texts) == 2 and all(units(t) <= 2000 for t in texts)
    assert " ".join(texts).split() == long.split()
    assert not [c for c in bot_api.calls if c.status == 400]


async def test_a_photo_url_goes_as_a_photo_a_png_leaves_its_text(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    replies = [
        Reply("Ảnh sản phẩm", image=Image.from_url("https://ocop.example/tra.jpg")),
        Reply("Mã mời: K7M3-QP9T", image=Image.from_png(qr_png("https://t.me/x?start=link_A"))),
    ]
    channel = await make_bot(FakeEngine(lambda m: replies))
    chat = ZaloBotChat(bot_api, channel, "zl-22")
    await chat.send("ảnh")
    assert [(c.method, c.params.get("photo") or c.params.get("text")) for c in chat.seen] == [
        ("sendPhoto", "https://ocop.example/tra.jpg"),
        ("sendMessage", "Ảnh sản phẩm"),
        ("sendMessage", "Mã mời: K7M3-QP9T"),
    ]


async def test_a_sticker_or_voice_gets_told_what_the_bot_understands(
    bot_api: FakeZaloBotAPI,
    make_bot: MakeBot,
    events: BotEvents,
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    engine = build_engine(catalog_session_factory, build_router(), FakeNlu({}))
    channel = await make_bot(engine)
    voice = events.sticker("zl-23") | {"event_name": "message.unsupported.received"}
    for event in (events.sticker("zl-23"), voice):
        bot_api.push(event)
        await bot_api.wait_taken()
        await channel.queue.drain()
    expected = I18n.load().t("vi", "media.unsupported")
    assert bot_api.texts("zl-23") == [expected, expected]
    assert "nhắn bằng chữ" in expected


async def test_a_webhook_set_while_polling_is_deleted_and_polling_goes_on(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot
) -> None:
    channel = await make_bot(FakeEngine())
    chat = ZaloBotChat(bot_api, channel, "zl-24")
    await chat.send("một")
    bot_api.state.webhook = {"url": "https://someone.example/hook"}  # set from elsewhere
    await chat.send("hai")
    assert bot_api.texts("zl-24") == ["echo một", "echo hai"]
    assert len(bot_api.ok_calls("deleteWebhook")) == 2
