"""Rendering without a server: escaping, keyboards, splitting, edits, short callback ids."""

from __future__ import annotations

from aiogram.methods import SendLocation, SendMessage, SendVenue
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup

from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.texts import TelegramTexts, pick_language
from bot.channels.telegram.textsplit import split_text, utf16_len
from bot.core.messages import Button, LocationCard, Reply


def renderer() -> Renderer:
    return Renderer(CallbackCodec(capacity=3), TelegramTexts.load())


def test_text_is_escaped_and_buttons_become_an_inline_keyboard() -> None:
    [message] = renderer().messages(
        "1", Reply("Giá <200k> & hơn", (Button("Mua <ngay>", "o:buy"),))
    )
    assert isinstance(message, SendMessage)
    assert message.text == "Giá &lt;200k&gt; &amp; hơn"
    assert isinstance(message.reply_markup, InlineKeyboardMarkup)
    [[button]] = message.reply_markup.inline_keyboard
    assert (button.text, button.callback_data) == ("Mua <ngay>", "o:buy")


def test_the_near_me_button_follows_the_language_and_shares_the_location() -> None:
    [message] = renderer().messages("1", Reply("Ở đâu?", request_location=True), "en")
    assert isinstance(message.reply_markup, ReplyKeyboardMarkup)
    [[button]] = message.reply_markup.keyboard
    assert button.request_location and button.text == "📍 Near me"


def test_buttons_without_text_still_get_a_message() -> None:
    [message] = renderer().messages("1", Reply("", (Button("A", "a:b"),)), "en")
    assert message.text == "Please choose:" and message.reply_markup is not None


def test_groups_get_no_near_me_keyboard() -> None:
    [message] = renderer().messages("-100123", Reply("Ở đâu?", request_location=True), "vi")
    assert message.reply_markup is None


def test_buttons_and_the_near_me_keyboard_go_on_separate_messages() -> None:
    reply = Reply("Chọn", (Button("A", "a:b"),), request_location=True)
    first, second = renderer().messages("1", reply, "vi")
    assert isinstance(first.reply_markup, InlineKeyboardMarkup)
    assert isinstance(second.reply_markup, ReplyKeyboardMarkup)
    assert second.text == TelegramTexts.load().get("near_me_prompt", "vi")


def test_a_location_card_is_a_venue_or_a_bare_pin() -> None:
    venue = renderer().messages("1", Reply("", location=LocationCard(1.0, 2.0, "Chợ", None)))
    pin = renderer().messages("1", Reply("", location=LocationCard(1.0, 2.0, "")))
    assert isinstance(venue[0], SendVenue) and venue[0].address == "Chợ"
    assert isinstance(pin[0], SendLocation)


def test_an_edit_only_when_the_reply_fits_one_message() -> None:
    r = renderer()
    edit = r.edit("1", 55, Reply("Trang 2", (Button("‹", "p:page:1"),), replace_previous=True))
    assert edit is not None and edit.message_id == 55 and edit.reply_markup is not None
    assert r.edit("1", 55, Reply("x\n" * 5000, replace_previous=True)) is None
    assert r.edit("1", 55, Reply("x", location=LocationCard(1, 2, "t"))) is None


def test_callback_data_fits_64_bytes_and_short_ids_expire_from_a_bounded_map() -> None:
    codec = CallbackCodec(capacity=2)
    assert codec.encode("p:info:tra-hoa-vang") == "p:info:tra-hoa-vang"
    longs = [f"p:info:{'đ' * 40}{n}" for n in range(3)]
    shorts = [codec.encode(p) for p in longs]
    assert all(len(s.encode()) <= 64 for s in shorts)
    assert codec.encode(longs[2]) == shorts[2]
    assert codec.decode(shorts[0]) is None  # evicted
    assert [codec.decode(s) for s in shorts[1:]] == longs[1:]
    assert codec.decode("~zz") is None and codec.decode(None) is None


def test_split_prefers_line_breaks_and_counts_utf16_units() -> None:
    assert split_text("ngắn") == ["ngắn"]
    text = "\n".join(["🍵" * 30] * 200)  # 60 units a line
    chunks = split_text(text, limit=4000)
    assert all(utf16_len(c) <= 4000 for c in chunks)
    assert "\n".join(chunks) == text
    one_line = "mực " * 3000
    assert all(utf16_len(c) <= 4000 for c in split_text(one_line))
    assert "".join(split_text("x" * 9000)) == "x" * 9000


def test_languages_fall_back_to_vietnamese_then_english() -> None:
    assert [pick_language(c) for c in (None, "vi", "vi-VN", "en", "fr")] == [
        "vi",
        "vi",
        "vi",
        "en",
        "en",
    ]
    texts = TelegramTexts.load()
    assert set(texts.catalogs["vi"]) == set(texts.catalogs["en"])
    assert set(texts.commands("vi")) == set(texts.commands("en"))
