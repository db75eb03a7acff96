"""Splits long texts below Telegram's 4096-character message limit, at line breaks."""

from __future__ import annotations

# Telegram counts UTF-16 code units; stay well below 4096 to leave room for nothing else.
MAX_MESSAGE_UNITS = 4000


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (an emoji outside the BMP is two units)."""
    return len(text.encode("utf-16-le")) // 2


def _cut(line: str, limit: int) -> list[str]:
    """Cuts one over-long line at spaces where possible, else anywhere."""
    pieces: list[str] = []
    while utf16_len(line) > limit:
        end = limit
        while utf16_len(line[:end]) > limit:
            end -= 1
        space = line.rfind(" ", 0, end)
        cut = space if space > end // 2 else end
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def split_text(text: str, limit: int = MAX_MESSAGE_UNITS) -> list[str]:
    """Splits text into chunks of at most `limit` units, preferring line breaks.

    Args:
        text: the plain (unescaped) text.
        limit: the largest chunk, in UTF-16 code units.

    Returns:
        One chunk for a short text; never an empty list.
    """
    if utf16_len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _cut(line, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if utf16_len(candidate) <= limit:
                current = candidate
                continue
            if current.strip():
                chunks.append(current)
            current = piece
    if current.strip() or not chunks:
        chunks.append(current)
    return chunks
