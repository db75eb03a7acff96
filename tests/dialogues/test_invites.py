"""Producer invites from the operator's chat, with a QR code of the Telegram deep link; the
link redeemed by `/start link_<CODE>`; unreadable messages answered without losing the step."""

from __future__ import annotations

import base64
import re
from typing import Any

from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.media import unsupported_payload
from bot.core.qr import qr_png
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from catalog.orders import OrderService
from tests.channels.web_support import WebChat, serve
from tests.chat_client import ChatClient
from tests.dialogues.conftest import THRESHOLD, Bot
from tests.dialogues.orders_kit import new_id

USERNAME = "ocop_qn_bot"
CODE = re.compile(r"Mã mời của quy-hoa: (\S+)")


def operator_chat(engine: Engine, address: str) -> ChatClient:
    return ChatClient(engine, channel="web", chat_id=address.removeprefix("web:"))


def engine_of(bot: Bot, operator: str, username: str | None = USERNAME) -> Engine:
    """The dialogue engine with the Telegram bot's username known (or not)."""
    settings = EngineSettings(
        threshold=THRESHOLD, operator=operator, telegram_bot_username=username
    )
    return Engine(
        session_factory=bot.sessions,
        nlu=bot.nlu,
        store=SqlStateStore(bot.sessions),
        dedup=SqlDeduplicator(bot.sessions),
        locks=LocalLocks(),
        notifier=bot.notifier,
        router=build_router(),
        i18n=I18n.load(),
        settings=settings,
    )


async def test_the_operator_gets_a_code_and_a_qr_that_links_a_telegram_chat(bot: Bot) -> None:
    address = f"web:{new_id('op')}"
    engine = engine_of(bot, address)
    [reply] = await operator_chat(engine, address).send("/invite quy-hoa")
    code = CODE.search(reply.text).group(1)  # type: ignore[union-attr]
    link = f"https://t.me/{USERNAME}?start=link_{code}"
    assert link in reply.text and f"/link {code}" in reply.text
    assert reply.image is not None and reply.image.png == qr_png(link)

    producer = ChatClient(engine, channel="telegram", chat_id=new_id("tg"))
    [linked] = await producer.send(f"/start link_{code}")  # what tapping the link sends
    assert linked.text.startswith("✅ Đã liên kết")
    async with bot.sessions() as session:
        address = f"telegram:{producer.chat_id}"
        assert await OrderService(session).producers_of(address) == ["quy-hoa"]
    [again] = await ChatClient(engine, "telegram", new_id("tg")).send(f"/start link_{code}")
    assert again.text == "Mã mời này đã được dùng. Bạn xin Trung tâm OCOP một mã mới nhé."
    [hello] = await producer.send("/start")
    assert "OCOP" in hello.text and hello.buttons


async def test_without_the_bot_username_the_code_comes_without_a_qr(bot: Bot) -> None:
    address = f"web:{new_id('op')}"
    operator = operator_chat(engine_of(bot, address, username=None), address)
    [reply] = await operator.send("/invite quy-hoa")
    assert CODE.search(reply.text) and reply.image is None and "t.me" not in reply.text


async def test_only_the_operator_may_invite_and_a_wrong_id_is_named(bot: Bot) -> None:
    address = f"web:{new_id('op')}"
    engine = engine_of(bot, address)
    [refused] = await ChatClient(engine, "telegram", new_id("tg")).send("/invite quy-hoa")
    assert refused.text == "Chỉ Trung tâm OCOP mới tạo được mã mời cho cơ sở sản xuất."
    operator = operator_chat(engine, address)
    [unknown] = await operator.send("/invite khong-co-ai")
    assert "khong-co-ai" in unknown.text and unknown.image is None
    [usage] = await operator.send("/invite")
    assert usage.text.startswith("Gõ /invite")


async def test_the_web_chat_shows_the_qr_as_a_data_uri(bot: Bot) -> None:
    class Late:
        engine: Engine

        async def handle(self, msg: Any) -> Any:
            return await self.engine.handle(msg)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.engine, name)

    late = Late()
    async with serve(late) as (client, _channel):
        chat = await WebChat(client).open()
        assert chat.user is not None
        late.engine = engine_of(bot, operator=chat.user)
        [reply] = await chat.send("/invite quy-hoa")
    prefix = "data:image/png;base64,"
    assert reply["image"].startswith(prefix)
    png = base64.b64decode(reply["image"].removeprefix(prefix))
    link = re.search(r"https://t\.me/\S+", reply["text"]).group(0)  # type: ignore[union-attr]
    assert png == qr_png(link)


async def test_a_sticker_mid_checkout_is_explained_and_the_checkout_goes_on(bot: Bot) -> None:
    chat = bot.chat(channel="zalo_bot")
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    [explained] = await chat._deliver(payload=unsupported_payload("sticker"))
    assert "nhắn bằng chữ" in explained.text
    await chat.send("Nguyễn Văn An")
    replies = await chat.send("0912 345 678")
    assert any("Giao tận nơi" in b.title for r in replies for b in r.buttons)
