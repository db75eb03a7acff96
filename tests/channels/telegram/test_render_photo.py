"""A reply's image on Telegram: an inline VietQR PNG is uploaded with sendPhoto before its
text, a URL is passed as is, anything else is left out; a reply with an image is never an
in-place edit."""

from __future__ import annotations

from aiogram.methods import SendMessage, SendPhoto
from aiogram.types import BufferedInputFile

from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.texts import TelegramTexts
from bot.core.messages import Button, Reply
from catalog.payments.notices import png_data_uri
from catalog.payments.vietqr import build_payload, qr_png

PNG = qr_png(build_payload("970436", "0011001234567", 240_000, "OCOP K7M3QP"))


def renderer() -> Renderer:
    return Renderer(CallbackCodec(capacity=3), TelegramTexts.load())


def test_an_inline_png_is_uploaded_before_the_copyable_text() -> None:
    reply = Reply("Số tài khoản: 0011001234567", (Button("Đơn của tôi", "ord:list"),),
                  image=png_data_uri(PNG))  # fmt: skip
    photo, text = renderer().messages("42", reply)
    assert isinstance(photo, SendPhoto) and isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data == PNG and photo.chat_id == "42"
    assert isinstance(text, SendMessage) and "0011001234567" in text.text
    assert text.reply_markup is not None


def test_a_url_is_sent_as_is_and_junk_is_left_out() -> None:
    [photo, _text] = renderer().messages("1", Reply("Trà", image="https://ocop.example/t.jpg"))
    assert isinstance(photo, SendPhoto) and photo.photo == "https://ocop.example/t.jpg"
    for junk in ("data:image/png;base64,@@@", "file:///etc/passwd", "javascript:x"):
        [only] = renderer().messages("1", Reply("Trà", image=junk))
        assert isinstance(only, SendMessage)


def test_a_reply_with_an_image_is_not_an_edit() -> None:
    assert renderer().edit("1", 5, Reply("QR", image=png_data_uri(PNG))) is None
