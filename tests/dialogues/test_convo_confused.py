"""A confused person ("I don't understand", "em không hiểu", "là sao ạ") is told what the
bot can do, in their language; nothing about an order is cancelled or dropped."""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import EN_TO_PHONE, TO_ADDRESS, Dialogue, ids, play
from tests.dialogues.orders_kit import checkout_vi, orders_of

HELP_EN = "I can:"
HELP_VI = "Mình có thể:"
NOT_CANCEL_EN = ("~cancel", "~Which order")
NOT_CANCEL_VI = ("~huỷ", "~hủy")

DIALOGUES = [
    Dialogue(
        "English, after hello: each confused reply gets the list of what the bot does",
        [
            ("hello", "Hello"),
            ("I don't understand", HELP_EN, *NOT_CANCEL_EN, "~Mình"),
            ("sorry I don't get it", HELP_EN, *NOT_CANCEL_EN),
            ("what do you mean?", HELP_EN, *NOT_CANCEL_EN),
            ("huh?", HELP_EN, *NOT_CANCEL_EN),
        ],
    ),
    Dialogue(
        "English, a long confused message from a tourist",
        [
            ("hello", "Hello"),
            (
                "sorry I really don't understand, I'm just visiting Ha Long with my wife "
                "for two days and my Vietnamese friend told me to write here",
                "product",
                *NOT_CANCEL_EN,
                "~Mình",
            ),
        ],
    ),
    Dialogue(
        "Vietnamese: 'em không hiểu', 'ko hieu gi het', 'là sao ạ'",
        [
            ("xin chào", "Xin chào"),
            ("em không hiểu", HELP_VI, *NOT_CANCEL_VI),
            ("ko hieu gi het", HELP_VI, *NOT_CANCEL_VI),
            ("là sao ạ", HELP_VI, *NOT_CANCEL_VI),
            (
                "ủa bot nói gì em không hiểu gì hết trơn á, em chỉ muốn mua ít quà về cho mẹ",
                "~huỷ",
                "~hủy",
            ),
        ],
    ),
    Dialogue(
        "English checkout: 'I don't understand' at the phone step keeps the order going",
        [
            *EN_TO_PHONE,
            ("I don't understand", HELP_EN, "phone number", "~cancelled"),
            ("0912 345 678", "delivery"),
        ],
    ),
    Dialogue(
        "Vietnamese checkout: 'em không hiểu' at the address step keeps the order going",
        [
            *TO_ADDRESS,
            ("em không hiểu", HELP_VI, "địa chỉ giao hàng", "~đã huỷ"),
            ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì cho người bán"),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_a_confused_person_is_helped_not_cancelled(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)


async def test_confusion_after_placing_an_order_leaves_the_order_pending(bot: Bot) -> None:
    chat = bot.chat()
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    assert order.status == "pending"
    await chat.send("I don't understand")
    assert HELP_EN in chat.text and "cancel" not in chat.text.casefold()
    await chat.send("sorry I don't get it, what happens now with my fish sauce?")
    assert "cancelled" not in chat.text.casefold()
    await chat.send("em không hiểu")
    assert "huỷ" not in chat.text and "hủy" not in chat.text
    assert [o.status for o in await orders_of(bot, chat)] == ["pending"]
