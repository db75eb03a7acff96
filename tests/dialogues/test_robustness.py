"""What must hold whatever people type: clarification, dedup, restarts, separate chats."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.messages import IncomingMessage
from tests.chat_client import ChatClient
from tests.dialogues.conftest import THRESHOLD, Bot


@pytest.mark.parametrize(
    ("text", "question", "titles"),
    [
        ("cái kia thì", "Bạn muốn hỏi về sản phẩm, nơi mua hay địa điểm du lịch?",
         ["Sản phẩm", "Nơi mua", "Địa điểm du lịch"]),
        ("kia kia", "Bạn muốn hỏi về sản phẩm, nơi mua hay địa điểm du lịch?",
         ["Sản phẩm", "Nơi mua", "Địa điểm du lịch"]),
        ("hmm what about that thing", "Do you want to ask about products, where to buy",
         ["Products", "Where to buy", "Places to visit"]),
    ],
)  # fmt: skip
async def test_low_confidence_gets_a_clarifying_question(
    bot: Bot, text: str, question: str, titles: list[str]
) -> None:
    parse = bot.nlu.parse(text)
    unclear = parse["intent"]["name"] == "out_of_scope" and parse["intent"]["confidence"] == (
        THRESHOLD
    )
    assert unclear, f"the NLU now understands {text!r} ({parse['intent']}); pick a vaguer one"
    chat = bot.chat()
    await chat.send(text)
    assert question in chat.text and chat.titles == titles


async def test_clarification_answers_with_the_chosen_topic(chat: ChatClient) -> None:
    await chat.send("kia kia")
    await chat.click("Nơi mua")
    assert "Gửi vị trí" in chat.text
    await chat.share_location(21.06, 106.6)
    assert "1. Trung tâm giới thiệu và bán sản phẩm OCOP Quảng Ninh (Mạo Khê)" in chat.text


async def test_a_duplicate_delivery_is_answered_once(bot: Bot) -> None:
    chat_id = bot.chat().chat_id
    msg = IncomingMessage("zalo", chat_id, chat_id, "same-id", text="trà hoa vàng Quy Hoa là gì")
    first, second = await asyncio.gather(bot.engine.handle(msg), bot.engine.handle(msg))
    assert sorted(len(r) for r in (first, second)) == [0, 1]


async def test_a_restart_keeps_the_conversation(bot: Bot) -> None:
    chat = bot.chat()
    await chat.send("what is Quy Hoa golden camellia tea")
    bot.engine = bot.build()  # a new process: new engine, same database
    chat.engine = bot.engine
    await chat.send("how much is it?")
    assert "💰 Quy Hoa golden camellia tea" in chat.text


async def test_chats_do_not_share_context_or_language(bot: Bot) -> None:
    vi, en = bot.chat(), bot.chat()
    await vi.send("trà hoa vàng Quy Hoa là gì")
    await en.send("what is Akoya pearl")
    await asyncio.gather(vi.send("còn giá thì sao?"), en.send("how much is it?"))
    assert "Trà hoa vàng Quy Hoa" in vi.text and "Giá: liên hệ" in vi.text
    assert "Akoya" in en.text and "Price: not published" in en.text


@pytest.mark.parametrize(
    "text", ["", "   ", "/", "/unknown", "🙂", "a" * 5000, "'; DROP TABLE products; --"]
)
async def test_odd_input_gets_an_answer(chat: ChatClient, text: str) -> None:
    replies = await chat.send(text)
    assert replies and all(r.text for r in replies)


async def test_unknown_and_stale_buttons_are_answered(chat: ChatClient) -> None:
    for payload in ("p:info:no-such-product", "p:page:abc", "zz:top", "s:dist:atlantis"):
        replies = await chat.press(payload)
        assert replies and all(r.text for r in replies)


async def test_a_name_typed_with_a_nul_still_orders_on_every_database(bot: Bot) -> None:
    """Regression: a NUL in the name made "Xác nhận" fail forever on PostgreSQL."""
    chat = bot.chat()
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await chat.send("Nguyễn\x00 Văn\x07 An")
    await chat.send("0912 345 678")
    await chat.click("Giao tận nơi")
    await chat.send("12 Trần Hưng Đạo\x00, Hạ Long")
    await chat.click("Không có ghi chú")
    await chat.click("Xác nhận")
    assert "Đặt hàng thành công" in chat.text
