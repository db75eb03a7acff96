"""Fairs and festivals, asked in the user's words, on two different days."""

from __future__ import annotations

from datetime import date

import pytest

from tests.chat_client import ChatClient
from tests.dialogues.conftest import Bot

SPRING_2026 = "Hội chợ OCOP Quảng Ninh – Xuân 2026"
SPRING_2026_EN = "Quảng Ninh OCOP Spring Fair 2026"
FAIR_SERIES = "Hội chợ OCOP Quảng Ninh (Xuân / Hè / Thu Đông)"
HOA_SO_SERIES = "Hội hoa sở Bình Liêu (hằng năm)"
VENUE = "Cung Quy hoạch, Hội chợ và Triển lãm tỉnh Quảng Ninh"


def titles_of_cards(chat: ChatClient) -> list[str]:
    """The event names, in the order the cards came."""
    return [r.text.splitlines()[0][2:] for r in chat.replies if r.text.startswith("🎪 ")]


@pytest.mark.parametrize(
    "text", ["hội chợ OCOP sắp tới", "hoi cho ocop sap toi", "sắp tới có hội chợ OCOP nào ko ad"]
)
async def test_upcoming_fairs_in_january_2026(bot: Bot, text: str) -> None:
    bot.today = date(2026, 1, 10)
    chat = bot.chat()
    await chat.send(text)
    cards = titles_of_cards(chat)
    assert cards[0] == SPRING_2026 and FAIR_SERIES in cards
    assert cards.index(FAIR_SERIES) > cards.index(SPRING_2026)
    assert "6–11/2/2026" in chat.text and VENUE in chat.text
    assert "Xuân 2025" not in chat.text  # past editions only when asked
    assert "Nguồn: thoibaotaichinhvietnam.vn" in chat.text
    link = chat.button("Nguồn: thoibaotaichinhvietnam.vn")
    assert link.url and link.url.startswith("https://thoibaotaichinhvietnam.vn/")


async def test_upcoming_fairs_in_english(bot: Bot) -> None:
    bot.today = date(2026, 1, 10)
    chat = bot.chat()
    await chat.send("are there any upcoming OCOP fairs?")
    assert titles_of_cards(chat)[0] == SPRING_2026_EN
    assert "6–11 Feb 2026" in chat.text and "Venue:" in chat.text


async def test_no_upcoming_fair_in_december_says_so_then_the_usual_time(bot: Bot) -> None:
    bot.today = date(2026, 12, 5)
    chat = bot.chat()
    await chat.send("hội chợ OCOP sắp tới")
    assert "Chưa có nguồn công bố ngày của lần tới" in chat.text
    assert titles_of_cards(chat) == [FAIR_SERIES]
    assert "Thường tổ chức:" in chat.text and "2026" not in chat.text
    await chat.click("Các lần đã tổ chức")
    cards = titles_of_cards(chat)
    assert cards[0] == "Hội chợ OCOP và ẩm thực Quảng Ninh Xuân 2026"
    assert "Đã tổ chức:" in chat.text


@pytest.mark.parametrize(
    "text", ["tháng 12 ở Quảng Ninh có lễ hội gì", "thang 12 o quang ninh co le hoi gi"]
)
async def test_festivals_in_december(bot: Bot, text: str) -> None:
    bot.today = date(2026, 1, 10)
    chat = bot.chat()
    await chat.send(text)
    cards = titles_of_cards(chat)
    assert HOA_SO_SERIES in cards and not any(card.startswith("Hội chợ") for card in cards)
    assert "2023" not in chat.text  # past editions only when asked


async def test_festivals_in_december_2023_put_the_dated_edition_first(bot: Bot) -> None:
    bot.today = date(2023, 12, 1)
    chat = bot.chat()
    await chat.send("tháng 12 ở Quảng Ninh có lễ hội gì")
    cards = titles_of_cards(chat)
    assert "15–17/12/2023" in chat.replies[1].text
    assert cards.index(HOA_SO_SERIES) > 0


@pytest.mark.parametrize(
    ("today", "expected", "absent"),
    [
        (date(2026, 1, 10), "Lần gần nhất có nguồn: 15–17/12/2023", "Thời gian: 15–17/12/2023"),
        (date(2023, 12, 1), "Thời gian: 15–17/12/2023", "Lần gần nhất"),
    ],
)
@pytest.mark.parametrize("text", ["khi nào có hội hoa sở Bình Liêu", "khi nao co hoi hoa so"])
async def test_when_is_the_so_flower_festival(
    bot: Bot, text: str, today: date, expected: str, absent: str
) -> None:
    bot.today = today
    chat = bot.chat()
    await chat.send(text)
    assert HOA_SO_SERIES in titles_of_cards(chat)
    assert "tháng 12" in chat.text and expected in chat.text and absent not in chat.text
    assert "rừng sở thôn Đồng Long" in chat.text
    await chat.click("Tinh dầu sở")
    assert "🏷" in chat.text


@pytest.mark.parametrize(
    "text", ["hội chợ OCOP năm 2024 tổ chức ở đâu", "hoi cho ocop nam 2024 to chuc o dau"]
)
async def test_a_past_year_shows_that_years_fairs_newest_first(bot: Bot, text: str) -> None:
    bot.today = date(2026, 1, 10)
    chat = bot.chat()
    await chat.send(text)
    cards = titles_of_cards(chat)
    assert len(cards) == 2 and all("2024" in card for card in cards)
    assert "29/8–3/9/2024" in chat.text and VENUE in chat.text
    assert chat.text.index("29/8–3/9/2024") < chat.text.index("2/2/2024")
    assert "2026" not in chat.text


async def test_last_year_is_read_from_words(bot: Bot) -> None:
    bot.today = date(2026, 6, 1)
    chat = bot.chat()
    await chat.send("năm ngoái có hội chợ OCOP nào không")
    assert titles_of_cards(chat) and all("2025" in card for card in titles_of_cards(chat))


@pytest.mark.parametrize(
    ("today", "first_line"),
    [
        (date(2026, 1, 10), "Usually:"),
        (date(2020, 12, 1), "Dates: 26–27 Dec 2020"),
    ],
)
async def test_festivals_in_ba_che_in_december(bot: Bot, today: date, first_line: str) -> None:
    bot.today = today
    chat = bot.chat()
    await chat.send("any festivals in Ba Che in December?")
    cards = [r.text for r in chat.replies if r.text.startswith("🎪 ")]
    assert cards and "Golden Camellia" in cards[0] and first_line in cards[0]
    assert all("Bình Liêu" not in card for card in cards)


async def test_a_tourism_answer_for_a_district_mentions_its_festivals(bot: Bot) -> None:
    chat = bot.chat()
    await chat.send("đi Bình Liêu chơi có gì hay")
    assert "Hội chợ, lễ hội ở đây" in chat.text and HOA_SO_SERIES in chat.text
    await chat.click(HOA_SO_SERIES)
    assert titles_of_cards(chat) == [HOA_SO_SERIES]
