"""Typed option choices: digits, "số 2", Vietnamese number words; and numbered rendering."""

from __future__ import annotations

import pytest

from bot.core.engine import pick_option
from bot.core.images import Image
from bot.core.messages import Button, IncomingMessage, LocationCard, Reply
from bot.core.options import option_number, ordinal_number
from bot.core.plaintext import render_plain, split_text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1", 1), ("2.", 2), (" 3) ", 3), ("số 1", 1), ("Số 2", 2), ("so 3", 3),
        ("một", 1), ("Một", 1), ("mot", 1), ("hai", 2), ("số hai", 2), ("chọn số 4", 4),
        ("bốn!", 4), ("#5", 5), ("mười", 10), ("12", 12),
        ("cái thứ 2", 2), ("cai thu hai", 2), ("loại thứ ba nhé", 3), ("cái thứ nhất", 1),
        ("con thứ tư ạ", 4), ("số thứ 2", 2), ("the second one", 2), ("second", 2),
        ("the 3rd one", 3), ("first please", 1), ("number 2", 2),
    ],
)  # fmt: skip
def test_choices_are_read(text: str, number: int) -> None:
    assert option_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        None, "", "số", "1 2", "trà 1", "sau", "một chai", "²", "1.5", "hai sao",
        "thứ 2", "thu hai", "con 2", "tư", "the one", "one", "second hand",
    ],
)  # fmt: skip
def test_other_texts_are_not_choices(text: str | None) -> None:
    assert option_number(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("cái thứ 2", 2), ("cai thu hai", 2), ("loại thứ ba nhé", 3), ("cái thứ nhất", 1),
        ("the second one", 2), ("the 3rd one", 3), ("first please", 1),
        ("2", None), ("số 2", None), ("hai", None), ("chọn số 4", None), ("number 2", None),
        ("2 chai", None), ("thứ 2", None), (None, None),
        ("còn cái thứ 3 thì sao", 3), ("what about the second one?", 2), ("con cai thu 3", 3),
        ("giao vào thứ 2 nhé", None), ("the second hand one", None), ("the one", None),
        ("cái thứ ²", None),
        ("cho mình 2 chai loại thứ 2 giao về Hạ Long nhé", None),
    ],
)  # fmt: skip
def test_ordinals_are_told_from_counts(text: str | None, number: int | None) -> None:
    """At "how many?", "2" or "hai" is a quantity; "cái thứ 2" never is."""
    assert ordinal_number(text) == number


def msg(text: str | None = None, payload: str | None = None) -> IncomingMessage:
    return IncomingMessage("zalo_bot", "c", "u", "m", text=text, payload=payload)


def test_pick_option_maps_words_to_the_shown_payloads() -> None:
    options = ["p:a", "p:b", "p:c"]
    assert pick_option(msg("số 2"), options).payload == "p:b"
    assert pick_option(msg("một"), options) == msg(payload="p:a")
    assert pick_option(msg("ba"), options).payload == "p:c"
    assert pick_option(msg("cái thứ 2"), options).payload == "p:b"
    assert pick_option(msg("the third one"), options).payload == "p:c"
    assert pick_option(msg("bốn"), options) == msg("bốn")  # only three shown
    assert pick_option(msg("một"), []) == msg("một")
    assert pick_option(msg(payload="x"), options) == msg(payload="x")


def test_render_plain_numbers_options_across_replies() -> None:
    card = LocationCard(20.95, 107.08, "OCOP Hạ Long", "Bãi Cháy")
    replies = [
        Reply("Chọn:", (Button("Trà", "p:1"), Button("Mực", "p:2"))),
        Reply(
            "Nơi bán",
            (Button("Khác", "p:3"),),
            location=card,
            image=Image.from_url("https://x/y.jpg"),
        ),
    ]
    first, second = render_plain(replies)
    assert first.text == "Chọn:\n1. Trà\n2. Mực"
    assert second.image == Image.from_url("https://x/y.jpg")
    assert second.text.startswith("Nơi bán\n📍 OCOP Hạ Long — Bãi Cháy\nhttps://")
    assert second.text.endswith("\n3. Khác")


def test_split_text_stays_below_the_limit_and_loses_nothing() -> None:
    text = "\n".join(f"dòng {i} " + "chữ " * (i * 7) for i in range(60))
    chunks = split_text(text, 500)
    assert len(chunks) > 1 and all(len(c) <= 500 for c in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(text.split())
    assert split_text("ngắn", 500) == ["ngắn"]
    assert all(len(c) <= 10 for c in split_text("x" * 35, 10))


async def test_options_shown_outside_a_turn_can_be_picked_by_number() -> None:
    from bot.core.messages import ConversationKey
    from bot.core.router import Router
    from bot.core.turn import Outcome, Turn
    from tests.core.fakes import FakeNlu, build_engine, memory_sessions

    async def said(turn: Turn) -> Outcome:
        return Outcome([Reply(f"payload {turn.msg.payload} text {turn.msg.text}")])

    router = Router()
    router.set_fallback(said)
    ping = [Reply("Đơn mới", (Button("Nhận đơn", "o:acc:7:v1"), Button("Từ chối", "o:dec:7:v1")))]
    async with memory_sessions() as sessions:
        engine = build_engine(sessions, router, FakeNlu({}))
        await engine.remember_options(ConversationKey("zalo_oa", "p-1"), ping)
        await engine.remember_options(ConversationKey("zalo_oa", "p-1"), [Reply("no buttons")])
        [reply] = await engine.handle(IncomingMessage("zalo_oa", "p-1", "p-1", "m1", text="số 1"))
        assert reply.text == "payload o:acc:7:v1 text None"
        [other] = await engine.handle(IncomingMessage("zalo_oa", "p-2", "p-2", "m1", text="1"))
        assert other.text == "payload None text 1"
