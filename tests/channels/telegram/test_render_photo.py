"""A VietQR code on Telegram: the PNG is uploaded with sendPhoto, the bank details that fit a
caption go under it (copyable), longer ones follow as a message; never an in-place edit. And
the fake Bot API refuses photos Telegram would refuse."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from aiogram.methods import SendMessage, SendPhoto
from aiogram.types import BufferedInputFile

from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.texts import TelegramTexts
from bot.core.images import Image
from bot.core.messages import Button, Reply
from catalog.payments.vietqr import build_payload, qr_png
from tests.channels.telegram.fake_api import TOKEN, FakeBotAPI

PNG = qr_png(build_payload("970436", "0011001234567", 240_000, "OCOP K7M3QP"))
QR = Image.from_png(PNG, "vietqr.png")
DETAILS = "Ngân hàng: Vietcombank (VCB)\nSố tài khoản: 0011001234567\nSố tiền: 240.000 đ"


def renderer() -> Renderer:
    return Renderer(CallbackCodec(capacity=3), TelegramTexts.load())


def test_the_qr_png_is_uploaded_with_the_details_as_its_caption() -> None:
    reply = Reply(DETAILS, (Button("Đơn của tôi", "ord:list"),), image=QR)
    [photo] = renderer().messages("42", reply)
    assert isinstance(photo, SendPhoto) and isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data == PNG and photo.chat_id == "42"
    assert "0011001234567" in (photo.caption or "") and photo.reply_markup is not None


def test_details_too_long_for_a_caption_follow_the_photo() -> None:
    long_text = DETAILS + "\n" + "Nội dung chuyển khoản: OCOP K7M3QP. " * 40
    photo, text = renderer().messages("42", Reply(long_text, image=QR))
    assert isinstance(photo, SendPhoto) and photo.caption is None
    assert isinstance(text, SendMessage) and "0011001234567" in text.text


def test_a_reply_with_a_qr_is_not_an_edit() -> None:
    assert renderer().edit("1", 5, Reply("QR", image=QR)) is None


async def post_photo(api: FakeBotAPI, photo: bytes | str) -> tuple[int, dict[str, Any]]:
    form = aiohttp.FormData()
    form.add_field("chat_id", "7")
    if isinstance(photo, bytes):
        form.add_field("photo", "attach://qr")
        form.add_field("qr", photo, filename="vietqr.png", content_type="image/png")
    else:
        form.add_field("photo", photo)
    url = f"{api.base_url}/bot{TOKEN}/sendPhoto"
    async with aiohttp.ClientSession() as session, session.post(url, data=form) as response:
        return response.status, await response.json()


@pytest.mark.parametrize(
    ("photo", "description"),
    [
        (b"", "there is no photo in the request"),
        (b"GIF89a not really a picture", "IMAGE_PROCESS_FAILED"),
        (PNG[:16] + (12000).to_bytes(4, "big") + (10).to_bytes(4, "big") + PNG[24:],
         "PHOTO_INVALID_DIMENSIONS"),
        ("attach://nothing", "there is no photo in the request"),
        ("/etc/passwd", "wrong file identifier/HTTP URL specified"),
    ],
)  # fmt: skip
async def test_the_fake_refuses_photos_telegram_refuses(
    fake_api: FakeBotAPI, photo: bytes | str, description: str
) -> None:
    status, body = await post_photo(fake_api, photo)
    assert status == 400 and description in body["description"]


async def test_the_fake_answers_an_upload_with_its_real_size(fake_api: FakeBotAPI) -> None:
    status, body = await post_photo(fake_api, PNG)
    [size] = body["result"]["photo"]
    assert status == 200 and size["file_size"] == len(PNG) and size["width"] == size["height"]
    assert fake_api.ok_calls("sendPhoto")[0].files["photo"] == PNG
