"""Splits long texts below Telegram's 4096-character message limit, at line breaks."""

from __future__ import annotations

from bot.core.plaintext import split_text as split_plain

# Telegram counts UTF-16 code units; stay well below 4096 to leave room for nothing else.
MAX_MESSAGE_UNITS = 4000


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (an emoji outside the BMP is two units)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Splits text into chunks of at most `limit` UTF-16 units, preferring line breaks."""
    return split_plain(text, limit, utf16_len)
