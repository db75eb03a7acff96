"""A tourist's conversation over the Zalo Bot Platform with the real engine, handlers and
seeded catalog: buttons become numbered options, picked by "2", "số 2" or "hai"."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.zalo_bot import ZaloBotChannel
from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.sql_store import SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from tests.channels.zalo.fake_bot_api import FakeZaloBotAPI
from tests.channels.zalo.zalo_client import ZaloBotChat
from tests.core.conftest import Script, ent
from tests.core.fakes import FakeNlu

MakeBot = Callable[..., Awaitable[ZaloBotChannel]]
TEA = "trà hoa vàng mấy sao"
TEAS = [
    "tra-hoa-vang-quy-hoa",
    "tra-hoa-vang-ba-che-dap-thanh",
    "tra-hoa-vang-htx-duoc-lieu-ba-che",
]
SCRIPT: Script = {
    TEA: ("product_info", 0.9, "vi", [ent("product", p, TEA, "trà hoa vàng") for p in TEAS]),
}
WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu"}


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


def number_of(chat: ZaloBotChat, title: str) -> int:
    """The number shown in front of the option whose title contains `title`."""
    for number, shown in enumerate(chat.options, start=1):
        if title.casefold() in shown.casefold():
            return number
    raise AssertionError(f"no option {title!r} in {chat.options}")


async def test_a_tourist_picks_numbered_options_by_digit_word_and_so(
    bot_api: FakeZaloBotAPI, make_bot: MakeBot, engine: Engine
) -> None:
    channel = await make_bot(engine)
    chat = ZaloBotChat(bot_api, channel, "zl-3001")

    await chat.send("/start")
    assert "1. " in chat.text and any("Sản phẩm OCOP" in o for o in chat.options)
    await chat.send(TEA)
    assert "3 sản phẩm" in chat.text
    await chat.send(f"số {number_of(chat, 'Quy Hoa')}")
    assert "★★★★★ 5 sao quốc gia (2022)" in chat.text

    await chat.send("/start")
    await chat.send(WORDS[number_of(chat, "Sản phẩm OCOP")])
    await chat.send(str(number_of(chat, "Gợi ý quà")))
    assert chat.options, "the gift list offers more options"
    assert all(len(c.params["text"]) < 2000 for c in bot_api.ok_calls("sendMessage"))
    assert not bot_api.ok_calls("sendMessage", "someone-else")
