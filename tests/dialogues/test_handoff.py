"""A person at the OCOP centre: contact details, and the request in the operator's inbox."""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import OPERATOR, Bot


@pytest.mark.parametrize(
    ("text", "contact", "forwarded"),
    [
        ("tôi muốn gặp nhân viên", "liên hệ trực tiếp Trung tâm OCOP", "đã chuyển lời nhắn"),
        ("toi muon gap nhan vien", "liên hệ trực tiếp Trung tâm OCOP", "đã chuyển lời nhắn"),
        ("I want to talk to a person", "reach the OCOP centre", "passed your message"),
    ],
)
async def test_handoff_forwards_to_the_operator(
    bot: Bot, text: str, contact: str, forwarded: str
) -> None:
    chat = bot.chat(channel="telegram")
    await chat.send(text)
    assert contact in chat.text and forwarded in chat.text.lower()
    assert "khu Đồn Điền, phường Hà Khẩu" in chat.text
    address, replies = bot.notifier.sent[-1]
    assert address == OPERATOR
    assert f"telegram:{chat.chat_id}" in replies[0].text and text in replies[0].text


async def test_handoff_button_keeps_the_product_in_focus(bot: Bot) -> None:
    chat = bot.chat()
    await chat.send("trà hoa vàng Quy Hoa là gì")
    await chat.press("nav:handoff")
    assert "tra-hoa-vang-quy-hoa" in bot.notifier.sent[-1][1][0].text


async def test_without_an_operator_the_bot_says_so(bot: Bot) -> None:
    bot.engine = bot.build()
    bot.engine._settings = type(bot.engine._settings)(operator=None)  # no inbox configured
    chat = bot.chat()
    await chat.send("tôi muốn gặp nhân viên")
    assert "chưa chuyển được lời nhắn" in chat.text
    assert bot.notifier.sent == []
