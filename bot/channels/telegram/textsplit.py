"""Splits long texts below Telegram's 4096-character message limit, at line breaks."""

from __future__ import annotations

from bot.core.plaintext import split_text as split_plain
from bot.core.plaintext import utf16_len

__all__ = ["MAX_MESSAGE_UNITS", "split_text", "utf16_len"]

# Telegram counts UTF-16 code units; stay well below 4096 to leave room for nothing else.
MAX_MESSAGE_UNITS = 4000


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Splits text into chunks of at most `limit` UTF-16 units, preferring line breaks."""
    return split_plain(text, limit, utf16_len)
