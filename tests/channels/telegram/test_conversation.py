"""A tourist's conversation over Telegram with the real engine, handlers and seeded catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramChannel
from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.sql_store import SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.hooks import HOOK, Serve, post
from tests.channels.telegram.tg_client import TelegramChat
from tests.core.conftest import Script, ent
from tests.core.fakes import FakeNlu

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
TEA = "trà hoa vàng mấy sao"
TEAS = [
    "tra-hoa-vang-quy-hoa",
    "tra-hoa-vang-ba-che-dap-thanh",
    "tra-hoa-vang-htx-duoc-lieu-ba-che",
]
SCRIPT: Script = {
    TEA: ("product_info", 0.9, "vi", [ent("product", p, TEA, "trà hoa vàng") for p in TEAS]),
    "mua ở đâu": ("shop_search", 0.9, "vi", []),
}


@pytest.fixture
async def engine(
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[Engine]:
    yield Engine(
        session_factory=catalog_session_factory,
        nlu=FakeNlu(SCRIPT),
        store=SqlStateStore(catalog_session_factory),
        dedup=MemoryDeduplicator(),
        locks=LocalLocks(),
        notifier=RecordingNotifier(),
        router=build_router(),
        i18n=I18n.load(),
        settings=EngineSettings(threshold=0.5),
    )


async def test_a_tourist_asks_clicks_pages_and_shares_a_location(
    fake_api: FakeBotAPI, make_channel: MakeChannel, engine: Engine
) -> None:
    channel = await make_channel(engine)
    chat = TelegramChat(fake_api, channel, 3001)

    await chat.send("/start")
    assert "Sản phẩm OCOP" in " ".join(chat.titles)
    await chat.send(TEA)
    assert "3 sản phẩm" in chat.text
    await chat.click("Quy Hoa")
    assert chat.methods[0] == "answerCallbackQuery"
    assert "★★★★★ 5 sao quốc gia (2022)" in chat.text

    await chat.send("/start")
    await chat.click("Sản phẩm OCOP")
    await chat.click("Gợi ý quà")
    first_page = chat.seen[-1]
    await chat.click("Trang sau")
    assert chat.methods == ["answerCallbackQuery", "editMessageText"]
    assert chat.seen[-1].params["message_id"] == str(first_page.result["message_id"])
    assert "Trang trước" in " ".join(chat.titles)

    await chat.send("mua ở đâu")
    keyboard = chat.seen[-1].params["reply_markup"]["keyboard"]
    assert keyboard[0][0]["request_location"] is True
    await chat.share_location(20.96, 107.0)
    assert "sendVenue" in chat.methods
    assert "Trung tâm Giới thiệu sản phẩm OCOP Hạ Long" in chat.text

    await chat.send("/lang en")
    assert "Switched to English" in chat.text


async def test_the_same_conversation_over_the_webhook(
    fake_api: FakeBotAPI, make_channel: MakeChannel, engine: Engine, serve: Serve
) -> None:
    app = web.Application()
    channel = await make_channel(engine, app, **HOOK)
    base = await serve(app)

    async def deliver(update: dict[str, Any]) -> None:
        assert await post(f"{base}/telegram/webhook", update) == 200

    chat = TelegramChat(fake_api, channel, 3002, deliver=deliver, language="en")
    await chat.send("/start")
    await chat.click("Where to buy")
    assert [c.method for c in chat.seen][:2] == ["answerCallbackQuery", "sendMessage"]
    await chat.share_location(20.96, 107.0)
    assert "sendVenue" in chat.methods
