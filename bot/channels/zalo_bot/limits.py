"""Zalo's text limit, shared by the Bot Platform and the OA: 2000 characters, counted (like
Telegram's) in UTF-16 code units, so an emoji outside the BMP takes two."""

from __future__ import annotations

from bot.core.plaintext import split_text, utf16_len

MAX_TEXT_UNITS = 2000


def split_for_zalo(text: str, limit: int = MAX_TEXT_UNITS) -> list[str]:
    """Splits a text into messages Zalo accepts, preferring line breaks."""
    return split_text(text, limit, utf16_len)
