"""Greeting, help, thanks, goodbye, out of scope and language switching, in vi and en."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

JOURNEYS_VI = ["Sản phẩm OCOP", "Nơi mua", "Du lịch & lễ hội", "Gặp cán bộ OCOP"]
JOURNEYS_EN = ["OCOP products", "Where to buy", "Sights & festivals", "Talk to OCOP staff"]


@pytest.mark.parametrize(
    ("text", "expected", "journeys"),
    [
        ("xin chào", "Xin chào! Mình là trợ lý OCOP Quảng Ninh", JOURNEYS_VI),
        ("xin chao ban", "Xin chào! Mình là trợ lý OCOP Quảng Ninh", JOURNEYS_VI),
        ("hello there", "Hello! I'm the Quảng Ninh OCOP assistant", JOURNEYS_EN),
        ("bạn giúp được gì?", "Mình có thể:", JOURNEYS_VI),
        ("ban giup duoc gi", "Mình có thể:", JOURNEYS_VI),
        ("what can you do?", "I can:", JOURNEYS_EN),
    ],
)
async def test_greet_and_help_show_the_journeys(
    chat: ChatClient, text: str, expected: str, journeys: list[str]
) -> None:
    await chat.send(text)
    assert expected in chat.text
    assert [t.split(" ", 1)[1] for t in chat.titles] == journeys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cảm ơn bạn nhiều", "Không có gì"),
        ("cam on ban", "Không có gì"),
        ("thank you so much", "You're welcome"),
        ("tạm biệt nhé", "Tạm biệt"),
        ("tam biet", "Tạm biệt"),
        ("goodbye then", "Goodbye"),
    ],
)
async def test_thanks_and_goodbye(chat: ChatClient, text: str, expected: str) -> None:
    await chat.send(text)
    assert expected in chat.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thời tiết hôm nay thế nào", "ngoài phạm vi"),
        ("thoi tiet hom nay the nao", "ngoài phạm vi"),
        ("can you book me a hotel", "outside what I can help with"),
    ],
)
async def test_out_of_scope_says_what_the_bot_can_do(
    chat: ChatClient, text: str, expected: str
) -> None:
    await chat.send(text)
    assert expected in chat.text
    assert len(chat.buttons) == 4


async def test_language_follows_the_person_and_lang_pins_it(chat: ChatClient) -> None:
    await chat.send("xin chào")
    assert "Xin chào" in chat.text
    await chat.send("hello, what can you do?")
    assert "I can" in chat.text  # greeting or help, in English either way
    await chat.send("ok")  # one word keeps the chat's language
    assert "All right" in chat.text
    await chat.send("/lang vi")
    assert "Đã chuyển sang tiếng Việt" in chat.text
    await chat.send("hello there")
    assert "Xin chào" in chat.text  # pinned
    await chat.send("/lang")
    await chat.click("English")
    assert "Switched to English" in chat.text
