"""A reply's image as a Telegram photo: a data URI is uploaded, a URL is passed as is."""

from __future__ import annotations

import base64
import binascii

from aiogram.methods import SendPhoto
from aiogram.types import BufferedInputFile

DATA_URI_PREFIX = "data:image/png;base64,"


def png_from_data_uri(image: str) -> bytes | None:
    """The PNG bytes of a ``data:image/png;base64,…`` URI, or None for anything else."""
    if not image.startswith(DATA_URI_PREFIX):
        return None
    try:
        return base64.b64decode(image[len(DATA_URI_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return None


def send_photo(chat_id: str, image: str) -> SendPhoto | None:
    """sendPhoto for a data URI (uploaded as multipart) or an http(s) URL; None otherwise."""
    png = png_from_data_uri(image)
    if png is not None:
        return SendPhoto(chat_id=chat_id, photo=BufferedInputFile(png, filename="vietqr.png"))
    if image.startswith(("https://", "http://")):
        return SendPhoto(chat_id=chat_id, photo=image)
    return None
