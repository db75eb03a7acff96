"""Every product and place card, in Vietnamese and English: one language, short, no notes.

The facts file's English research notes (note, facts, star_note, price_note, ocop_status,
season, ...) are for the operator; people read note_vi / note_en in their own language.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

from tests.chat_client import ChatClient
from tests.dialogues.conftest import Bot
from tests.facts import FACTS

RESEARCH_FIELDS = (
    "note", "facts", "star_note", "price_note", "ocop_status", "producer_note", "source_note",
    "season", "ocop_link", "sells_note", "coord_note", "recurring", "price_context", "venue",
)  # fmt: skip
MAX_LINES = 8
MAX_LINE_CHARS = 400
MAX_CHARS = 1000
DISTANCE = re.compile(r"cách \d+\.\d km|\d+\.\d km away")
ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|with|not|from|price|stars?|source|where)\b", re.I)
VIETNAMESE_WORDS = re.compile(r"(?<!\w)(?:của|được|những|các|là|có|cho|nguồn|giá|sao)(?!\w)")


@cache
def facts() -> dict[str, Any]:
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


def research_notes(row: dict[str, Any]) -> list[str]:
    """The research notes of a row, as 24-character probes (long enough to be unique)."""
    notes = [str(row[f]) for f in RESEARCH_FIELDS if isinstance(row.get(f), str)]
    return [note[:24] for note in notes if len(note) >= 12]


@cache
def proper_names() -> list[str]:
    """Names and addresses, which stay Vietnamese in both languages; longest first."""
    data = facts()
    names = [p["name"] for p in data["producers"]]
    names += [p["name_vi"] for p in data["products"]]
    names += [p["name_vi"] for p in data["places"]]
    names += [p.get("address") or "" for p in data["places"]]
    names += [d["name_vi"] for d in data["districts"]]
    return sorted((n for n in names if n), key=len, reverse=True)


def without_names(text: str) -> str:
    for name in proper_names():
        text = text.replace(name, " ")
    return re.sub(r"https?://\S+|\S+\.(?:vn|com|net|org)\S*", " ", text)


def assert_pure(text: str, row: dict[str, Any], lang: str) -> None:
    own = row.get(f"note_{lang}")
    if own:
        assert own[:24] in text, "the description in the reply's language is shown"
        # The description may share words with a note; what else the card says may not.
        text = "\n".join(line for line in text.splitlines() if not line.startswith(own[:24]))
    for probe in research_notes(row):
        assert probe not in text, f"research note {probe!r} reached a {lang} card"
    other = row.get("note_en" if lang == "vi" else "note_vi")
    if other:  # a probe from its middle: its start is often a name, shared by both
        middle = len(other) // 2
        assert other[middle : middle + 30] not in text
    plain = without_names(text)
    wrong = ENGLISH_WORDS if lang == "vi" else VIETNAMESE_WORDS
    assert not wrong.search(plain), f"{wrong.search(plain)!r} in a {lang} card: {plain}"


def assert_short(text: str) -> None:
    lines = text.splitlines()
    assert len(lines) <= MAX_LINES, text
    assert all(len(line) <= MAX_LINE_CHARS for line in lines), text
    assert len(text) <= MAX_CHARS, text


async def start(bot: Bot, lang: str) -> ChatClient:
    chat = bot.chat()
    await chat.send("/lang " + lang)
    return chat


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_every_product_card_is_short_and_in_one_language(bot: Bot, lang: str) -> None:
    chat = await start(bot, lang)
    for product in facts()["products"]:
        await chat.press(f"p:info:{product['id']}")
        card = chat.replies[0]
        assert card.text.startswith("🏷"), card.text
        assert_pure(card.text, product, lang)
        assert_short(card.text)
        titles = [b.title for b in card.buttons]
        expected = ("Mua ở đâu", "Đặt mua", "Sản phẩm cùng loại")
        if lang == "en":
            expected = ("Where to buy", "Order", "Similar products")
        assert all(any(e in t for t in titles) for e in expected), titles
        assert any(unquote(b.url or "") == product["source"] for b in card.buttons)


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_every_place_card_is_short_and_in_one_language(bot: Bot, lang: str) -> None:
    chat = await start(bot, lang)
    for place in facts()["places"]:
        await chat.press(f"t:place:{place['id']}")
        card = chat.replies[0]
        assert card.text.startswith("📍"), card.text
        assert_pure(card.text, place, lang)
        assert_short(card.text)
        if place.get("lat") is None:
            assert not DISTANCE.search(card.text) and "maps" not in card.text


async def test_a_price_line_says_what_the_price_is(chat: ChatClient) -> None:
    await chat.send("rượu ba kích Ba Chẽ là gì")
    assert "Giá tham khảo (báo, 11/2019): 300.000 đ / chai 1 lít" in chat.text
    await chat.send("/lang en")
    await chat.send("what is Ba Che morinda root liquor")
    assert "Reference price (news, Nov 2019): 300.000 đ / 1-litre bottle" in chat.text


async def test_a_fair_price_is_labelled_as_one(chat: ChatClient) -> None:
    await chat.send("khâu nhục Tiên Yên giá bao nhiêu")
    assert "Giá tại hội chợ (báo, 1/2019): 100.000 – 120.000 đ / bát" in chat.text
