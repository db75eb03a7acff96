"""QR codes as PNG bytes (segno), and the Telegram deep link a producer's invite opens."""

from __future__ import annotations

import io
import re

import segno

# Telegram's /start parameter: up to 64 characters of A-Z, a-z, 0-9, _ and -.
START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
LINK_PREFIX = "link_"


def qr_png(text: str, scale: int = 8) -> bytes:
    """A PNG of a QR code holding `text` (error correction M, the usual 4-module border)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def invite_deep_link(bot_username: str, code: str) -> str | None:
    """https://t.me/<bot>?start=link_<CODE>, which sends `/start link_<CODE>` to the bot;
    None when the code cannot be a start parameter."""
    parameter = LINK_PREFIX + code
    if not START_PARAMETER.fullmatch(parameter):
        return None
    return f"https://t.me/{bot_username.lstrip('@')}?start={parameter}"
