"""The engine with the console's TurnLog: hand-offs reach the inbox, a held chat stays quiet,
every turn leaves a transcript line and an analytics event without personal data."""

from __future__ import annotations

from sqlalchemy import select

from bot.admin.passwords import hash_password
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from bot.turn_log import TurnLog
from catalog.console import Analytics, Inbox, OperatorAccounts, mask_digits
from catalog.console.models import AnalyticsEvent
from catalog.orders import utc_now
from tests.chat_client import ChatClient
from tests.dialogues.conftest import THRESHOLD, Bot


def console_engine(bot: Bot, operator: str | None = None) -> Engine:
    """The engine as the composition root wires it: with the console's TurnLog."""
    return Engine(
        session_factory=bot.sessions,
        nlu=bot.nlu,
        store=SqlStateStore(bot.sessions),
        dedup=SqlDeduplicator(bot.sessions),
        locks=LocalLocks(),
        notifier=RecordingNotifier(),
        router=build_router(),
        i18n=I18n.load(),
        settings=EngineSettings(threshold=THRESHOLD, operator=operator),
        observer=TurnLog(bot.sessions),
    )


async def flush(chat: ChatClient) -> None:
    """Writes the turn log's batch now (the running bot does so every half second)."""
    await chat.engine._observer.flush()  # type: ignore[union-attr]


async def open_items(bot: Bot, address: str) -> list[object]:
    async with bot.sessions() as session:
        return [i for i in await Inbox(session).items() if i.address == address]


async def test_without_operator_or_account_the_bot_says_nobody_got_it(bot: Bot) -> None:
    async with bot.sessions() as session, session.begin():
        for account in await OperatorAccounts(session).list():
            await OperatorAccounts(session).disable(account.email)
    chat = ChatClient(console_engine(bot), channel="web", chat_id="khach-khong-ai")
    await chat.send("toi muon gap nhan vien")
    assert "chưa chuyển được lời nhắn" in chat.text
    assert len(await open_items(bot, "web:khach-khong-ai")) == 1  # still waiting in the inbox


async def test_a_hand_off_reaches_the_inbox_and_a_held_chat_is_quiet(bot: Bot) -> None:
    async with bot.sessions() as session, session.begin():
        await OperatorAccounts(session).add(
            "lan@ocop.vn", hash_password("mot mat khau dai"), "staff", utc_now()
        )
    chat = ChatClient(console_engine(bot), channel="telegram", chat_id="5550001")
    await chat.send("trà hoa vàng Quy Hoa là gì vậy shop")
    await chat.send("cho em gặp cán bộ tư vấn với ạ")
    assert "đã chuyển lời nhắn" in chat.text  # nobody set orders.operator: the console reads it
    await flush(chat)

    [item] = await open_items(bot, "telegram:5550001")
    assert item.kind == "handoff" and item.text == "cho em gặp cán bộ tư vấn với ạ"
    async with bot.sessions() as session, session.begin():
        lines = await Inbox(session).transcript("telegram:5550001")
        assert [line.author for line in lines] == ["customer", "bot", "customer", "bot"]
        assert "Quy Hoa" in lines[1].text
        await Inbox(session).hold(item.id, "lan@ocop.vn", utc_now())

    assert await chat.send("chị ơi còn đó không ạ?") == []
    async with bot.sessions() as session:
        assert (await Inbox(session).transcript("telegram:5550001"))[-1].text == (
            "chị ơi còn đó không ạ?"
        )

    async with bot.sessions() as session, session.begin():
        await Inbox(session).close(item.id, "lan@ocop.vn", utc_now())
    await chat.send("trà hoa vàng Quy Hoa mấy sao")
    assert "Quy Hoa" in chat.text


async def test_analytics_keep_no_phone_or_name(bot: Bot) -> None:
    chat = ChatClient(console_engine(bot), channel="web", chat_id="an-danh-1")
    await chat.send("xyzzy qwop blorf")
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await chat.send("Nguyễn Thị Thu Trang")
    await chat.send("0987 654 321")
    await flush(chat)
    async with bot.sessions() as session:
        rows = list(await session.scalars(select(AnalyticsEvent).order_by(AnalyticsEvent.id)))
        missed = await Analytics(session).not_understood()
    mine = rows[-4:]
    assert all("an-danh-1" not in r.user_hash for r in mine)
    assert len({r.user_hash for r in mine}) == 1
    assert "nuoc-mam-cai-rong" in mine[1].product_ids
    stored = " ".join(r.text or "" for r in rows)
    assert "Thu Trang" not in stored and "0987" not in stored and "0912345678" not in stored
    assert any(m.text == "xyzzy qwop blorf" for m in missed)


def test_digit_runs_are_masked_in_stored_messages() -> None:
    assert mask_digits("gọi em 0912 345 678 nha, 2 chai") == "gọi em *** nha, 2 chai"


async def test_the_invite_qr_deep_link_links_like_slash_link(bot: Bot) -> None:
    from catalog.orders import OrderService

    async with bot.sessions() as session, session.begin():
        invite = await OrderService(session).create_invite("nuoc-mam-cai-rong-jsc")
    chat = ChatClient(console_engine(bot), channel="telegram", chat_id="8880001")
    await chat.send(f"/start link_{invite.code.replace('-', '')}")
    assert "Công ty CP Nước mắm Cái Rồng" in chat.text
    async with bot.sessions() as session:
        assert await OrderService(session).producers_of("telegram:8880001") == [
            "nuoc-mam-cai-rong-jsc"
        ]
    await chat.send("/start")
    assert "Xin chào" in chat.text


async def test_old_transcripts_and_expired_sign_ins_are_forgotten(bot: Bot) -> None:
    from datetime import timedelta

    from catalog.console.retention import forget_old

    now = utc_now()
    async with bot.sessions() as session, session.begin():
        inbox = Inbox(session)
        await inbox.append(
            "web:cu-lam-roi", "customer", "hỏi từ mùa trước", now - timedelta(days=91)
        )
        await inbox.append("web:cu-lam-roi", "customer", "hỏi hôm qua", now - timedelta(days=1))
    async with bot.sessions() as session, session.begin():
        await forget_old(session, now)
    async with bot.sessions() as session:
        lines = await Inbox(session).transcript("web:cu-lam-roi")
    assert [line.text for line in lines] == ["hỏi hôm qua"]
