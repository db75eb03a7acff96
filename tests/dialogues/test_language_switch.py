"""The reply language follows the person who types, accents or not, in one shared chat.

A tourist asks in English, then a Vietnamese customer orders without diacritics or in
teencode: the bot answers in Vietnamese. A real English sentence switches a Vietnamese chat
to English; "ok", a code, a unit, a place or a name switches nothing.
"""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import Dialogue, ids, play

HELLO_EN = ("hello", "I'm the Quảng Ninh OCOP assistant")
ASK_WHAT_EN = ("Do you want to ask", "~Bạn muốn hỏi")
HELLO_VI = ("xin chào", "Mình là trợ lý OCOP Quảng Ninh")
WHICH_TO_ORDER_VI = "bạn chọn giúp mình một nhé"
WHICH_TO_ASK_VI = "Bạn hỏi sản phẩm nào"


async def test_an_unaccented_order_after_an_english_question_is_answered_in_vietnamese(
    bot: Bot,
) -> None:
    await play(bot.chat(), [
        ("what is oyster floss?", "Oyster floss", "Where to buy"),
        ("dat 1 hu ruoc hau", WHICH_TO_ORDER_VI, "Ruốc hàu (Vân Đồn)", "~Which one"),
        ("[Ruốc hàu (Vân Đồn)]", "tên người nhận", "~What name"),
        ("Nguyen Van An", "Số điện thoại"),
        ("0912 345 678", "giao tận nơi", "~delivery"),
    ])  # fmt: skip


async def test_a_short_english_order_in_a_vietnamese_chat_is_answered_in_english(
    bot: Bot,
) -> None:
    await play(bot.chat(), [
        ("ruốc hàu Bavabi là gì", "Ruốc hàu", "Mua ở đâu"),
        ("I want 2 jars", "What name", "~tên người nhận"),
        ("Mary Jane", "phone number", "~Số điện thoại"),
    ])  # fmt: skip


async def test_names_and_short_english_replies_keep_an_english_chat_english(bot: Bot) -> None:
    """A name, "the Newstar one" (which picks that product) or "ok thanks" is no Vietnamese;
    a Vietnamese question is."""
    await play(bot.chat(), [
        ("what is fish sauce?", "Newstar fish sauce"),
        ("the Newstar one", "Newstar LLC", "Source:", "~Nguồn", *ASK_WHAT_EN[1:]),
        ("John Smith", *ASK_WHAT_EN),
        ("ok thanks", "You're welcome", "~Không có gì"),
        ("the first one please", "What kind of product", "~Bạn tìm loại"),
        ("pick up", *ASK_WHAT_EN),
        ("Anna Müller", *ASK_WHAT_EN),
        ("I'm staying at Mường Thanh", *ASK_WHAT_EN),
        ("nuoc mam newstar gia bao nhieu", "Giá: liên hệ", "~Price"),
    ])  # fmt: skip


SWITCHES = [
    Dialogue("unaccented: a product's price", [
        HELLO_EN, ("ruoc hau bn tien", WHICH_TO_ASK_VI, "~Which"),
    ]),
    Dialogue("unaccented: an order of boxes", [
        HELLO_EN, ("mua 2 hop tra hoa vang", WHICH_TO_ORDER_VI, "~Which"),
    ]),
    Dialogue("teencode: an order of jars", [
        HELLO_EN, ("chot 2 hu ruoc hau ad oi", WHICH_TO_ORDER_VI, "~Which"),
    ]),
    Dialogue("teencode: an order of bottles", [
        HELLO_EN, ("cho mik 2 chai nuoc mam cai rong nha", "tên người nhận", "~What name"),
    ]),
    Dialogue("teencode: a long chatty question", [
        HELLO_EN,
        ("shop oi ruoc hau bn tien 1 hop z, mk dinh mua bieu cho me o ha noi, ship mat bao "
         "lau vay", WHICH_TO_ASK_VI, "~Which"),
    ]),
    Dialogue("English: thanks, then a real question", [
        HELLO_VI,
        ("thank you, and where can I buy the fish sauce in Ha Long?", "Where to buy",
         "~Mình là trợ lý"),
    ]),
    Dialogue("English: a long chatty question", [
        HELLO_VI,
        ("hi, I'm visiting Ha Long next week with my family and we'd like to bring back "
         "some local food as gifts, what do you recommend?", "OCOP products", "~sản phẩm"),
    ]),
]  # fmt: skip

KEEPS = [
    Dialogue("English chat: ok", [HELLO_EN, ("ok", "All right")]),
    Dialogue("English chat: a name", [HELLO_EN, ("Mary Jane", *ASK_WHAT_EN)]),
    Dialogue("English chat: the second one", [
        HELLO_EN, ("the second one", "Where are you?", "~Bạn đang ở đâu"),
    ]),
    Dialogue("English chat: a place", [HELLO_EN, ("Móng Cái?", "outside what I can help")]),
    Dialogue("English chat: an order code", [HELLO_EN, ("WEN3A6", "Do you want to ask")]),
    Dialogue("English chat: a number and a unit", [HELLO_EN, ("2 hu", "Do you want to ask")]),
    Dialogue("Vietnamese chat: ok", [HELLO_VI, ("ok", "Vâng ạ")]),
    Dialogue("Vietnamese chat: hello shop", [HELLO_VI, ("hello shop", "Mình là trợ lý")]),
    Dialogue("Vietnamese chat: a place", [HELLO_VI, ("Ha Long", "Xin lỗi")]),
    Dialogue("Vietnamese chat: thank you shop", [
        HELLO_VI, ("thank you shop", "Không có gì", "~You're welcome"),
    ]),
    Dialogue("Vietnamese chat: ok thanks shop", [
        HELLO_VI, ("ok thanks shop", "Không có gì", "~You're welcome"),
    ]),
    Dialogue("Vietnamese chat: thank you so much shop", [
        HELLO_VI, ("Thank you so much shop!", "Không có gì", "~You're welcome"),
    ]),
    Dialogue("Vietnamese chat: thanks a lot ad", [
        HELLO_VI, ("thanks a lot ad", "Không có gì", "~You're welcome"),
    ]),
    Dialogue("English chat: thank you shop", [
        HELLO_EN, ("thank you shop", "You're welcome", "~Không có gì"),
    ]),
    Dialogue("Vietnamese chat: a number and a unit", [
        HELLO_VI, ("2 jars", "Bạn muốn đặt sản phẩm nào"),
    ]),
    Dialogue("Vietnamese chat: a command with an order code", [
        HELLO_VI, ("accept WEN3A6", "Không tìm thấy đơn hàng"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize("dialogue", SWITCHES, ids=ids(SWITCHES))
async def test_the_persons_own_language_switches_the_chat(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)


@pytest.mark.parametrize("dialogue", KEEPS, ids=ids(KEEPS))
async def test_short_replies_codes_and_names_keep_the_chats_language(
    bot: Bot, dialogue: Dialogue
) -> None:
    await play(bot.chat(), dialogue.turns)
