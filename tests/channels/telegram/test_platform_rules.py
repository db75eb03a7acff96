"""The fake Bot API refuses what Telegram refuses, and the channel stays within it: photos
with captions and buttons, long captions, a group upgraded to a supergroup."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramChannel
from bot.chat_moves import ChatMoves
from bot.core.images import Image
from bot.core.messages import Button, Reply
from bot.core.qr import qr_png
from catalog.orders import OrderService
from tests.channels.scripted_engine import FakeEngine, echo
from tests.channels.telegram.fake_api import TOKEN, FakeBotAPI
from tests.channels.telegram.tg_client import TelegramChat
from tests.channels.telegram.updates import Updates

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
PNG = qr_png("https://t.me/ocop_test_bot?start=link_K7M3-QP9T")


async def call(api: FakeBotAPI, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
    url = f"{api.base_url}/bot{TOKEN}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, json=params) as response:
        return response.status, await response.json()


@pytest.mark.parametrize(
    ("method", "params", "description"),
    [
        ("sendMessage", {"text": "x" * 4097}, "message is too long"),
        ("sendMessage", {"text": "🍵" * 2049}, "message is too long"),
        ("sendMessage", {"text": "   "}, "message text is empty"),
        ("sendMessage", {"text": "giá <b>50k", "parse_mode": "HTML"}, "can't parse entities"),
        ("sendMessage", {"text": "1 < 2", "parse_mode": "HTML"}, "can't parse entities"),
        ("sendMessage", {"text": "Trà & mật", "parse_mode": "HTML"}, "can't parse entities"),
        ("sendPhoto", {"photo": "https://x/y.jpg", "caption": "c" * 1025}, "caption is too long"),
        ("setWebhook", {"url": "https://x/hook", "secret_token": "có dấu"}, "unallowed"),
        (
            "sendMessage",
            {
                "text": "chọn",
                "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "é" * 33}]]},
            },
            "BUTTON_DATA_INVALID",
        ),
    ],
)
async def test_the_fake_refuses_what_telegram_refuses(
    fake_api: FakeBotAPI, method: str, params: dict[str, Any], description: str
) -> None:
    status, body = await call(fake_api, method, chat_id=1, **params)
    assert status == 400 and body["ok"] is False and description in body["description"]
    ok_status, _ = await call(fake_api, "sendMessage", chat_id=1, text="<b>Trà</b> &amp; mật")
    assert ok_status == 200


async def test_the_fake_answers_409_to_get_updates_while_a_webhook_is_set(
    fake_api: FakeBotAPI,
) -> None:
    fake_api.state.webhook_url = "https://ocop.example/telegram/webhook"
    status, body = await call(fake_api, "getUpdates")
    assert status == 409 and "webhook is active" in body["description"]


async def test_a_picture_carries_the_text_and_buttons_as_its_caption(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    text = "Mã mời <Quy Hoa> & co: K7M3-QP9T"
    reply = Reply(text, (Button("Xong", "nav:help"),), image=Image.from_png(PNG, "invite.png"))
    channel = await make_channel(FakeEngine(lambda m: [reply] if m.text else echo(m)))
    chat = TelegramChat(fake_api, channel, 3001)
    await chat.send("/invite quy-hoa")
    [photo] = chat.seen
    assert photo.method == "sendPhoto" and photo.files["photo"] == PNG
    assert html.unescape(photo.params["caption"]) == text
    assert chat.titles == ["Xong"]
    await chat.click("Xong")
    assert chat.text == "payload nav:help"


async def test_a_text_too_long_for_a_caption_follows_the_picture(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    text = "Trà hoa vàng Ba Chẽ, sản phẩm OCOP 4 sao. " * 30  # 1290 characters
    url = "https://ocop.example/tra.jpg"
    reply = Reply(text, (Button("Nơi bán", "p:shops:tra"),), image=Image.from_url(url))
    channel = await make_channel(FakeEngine(lambda m: [reply]))
    chat = TelegramChat(fake_api, channel, 3002)
    await chat.send("ảnh trà")
    assert chat.methods == ["sendPhoto", "sendMessage"]
    assert chat.seen[0].params["photo"] == url and "caption" not in chat.seen[0].params
    assert chat.text == text and chat.titles == ["Nơi bán"]


async def test_a_group_upgraded_to_a_supergroup_keeps_its_producer_link(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    group, supergroup = -4001, -1004001
    async with catalog_session_factory() as session, session.begin():
        service = OrderService(session)
        code = (await service.create_invite("quy-hoa")).code
        assert await service.link(code, f"telegram:{group}") == "quy-hoa"
    moves = ChatMoves(catalog_session_factory)
    channel = await make_channel(FakeEngine(), chat_moved=moves)
    chat = TelegramChat(fake_api, channel, group, updates=Updates())
    await chat._act(chat.updates.migration(group, supergroup))
    async with catalog_session_factory() as session:
        assert await OrderService(session).producers_of(f"telegram:{supergroup}") == ["quy-hoa"]
        assert await OrderService(session).producers_of(f"telegram:{group}") == []
    # A ping queued for the old id before the upgrade reaches the supergroup.
    fake_api.state.migrated[str(group)] = supergroup
    await channel.send(str(group), [Reply("🛒 Đơn mới DH-7 cho Quy Hoa")])
    assert fake_api.texts(supergroup) == ["🛒 Đơn mới DH-7 cho Quy Hoa"]
