"""Replies as plain text, for channels without buttons or cards (Zalo): numbered options,
location lines with a map link, and long texts split below a platform's limit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.images import Image
from bot.core.messages import LocationCard, Reply
from bot.core.options import option_lines

MAP_URL = "https://www.google.com/maps/search/?api=1&query={lat:.6f},{lon:.6f}"


@dataclass(frozen=True, slots=True)
class PlainMessage:
    """One message for a text-only channel: its text, and an image to send before it."""

    text: str
    image: Image | None = None


def location_lines(card: LocationCard) -> list[str]:
    """A location card as text: its name, address and a map link."""
    where = f" — {card.address}" if card.address else ""
    title = card.title or f"{card.lat:.5f}, {card.lon:.5f}"
    return [f"📍 {title}{where}", MAP_URL.format(lat=card.lat, lon=card.lon)]


def render_plain(replies: list[Reply]) -> list[PlainMessage]:
    """Renders replies as text; button numbers run on across replies, as the engine
    remembers their payloads in that order (so a typed "3" picks the third one).

    Args:
        replies: the engine's replies for one chat.

    Returns:
        One message per reply that shows anything, in order.
    """
    messages: list[PlainMessage] = []
    shown = 0
    for reply in replies:
        lines = [reply.text] if reply.text.strip() else []
        if reply.location is not None:
            lines += location_lines(reply.location)
        options = [b for b in reply.buttons if b.url is None]
        if options:
            lines += option_lines(options, first=shown + 1)
            shown += len(options)
        lines += [f"{b.title}: {b.url}" for b in reply.buttons if b.url is not None]
        if lines or reply.image:
            messages.append(PlainMessage("\n".join(lines), reply.image))
    return messages


Measure = Callable[[str], int]


def utf16_len(text: str) -> int:
    """Length as Telegram and Zalo count it (an emoji outside the BMP is two units)."""
    return len(text.encode("utf-16-le")) // 2


def _cut(line: str, limit: int, measure: Measure) -> list[str]:
    """Cuts one over-long line at spaces where possible, else anywhere."""
    pieces: list[str] = []
    while measure(line) > limit:
        end = min(len(line), limit)
        while measure(line[:end]) > limit:
            end -= 1
        space = line.rfind(" ", 0, end + 1)
        cut = space if space > end // 2 else end
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def split_text(text: str, limit: int, measure: Measure = len) -> list[str]:
    """Splits text into chunks of at most `limit`, preferring line breaks.

    Args:
        text: the text to send.
        limit: the largest chunk, as `measure` counts.
        measure: how the platform counts length (characters by default; Telegram counts
            UTF-16 code units).

    Returns:
        One chunk for a short text; never an empty list.
    """
    if measure(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _cut(line, limit, measure):
            candidate = f"{current}\n{piece}" if current else piece
            if measure(candidate) <= limit:
                current = candidate
                continue
            if current.strip():
                chunks.append(current)
            current = piece
    if current.strip() or not chunks:
        chunks.append(current)
    return chunks
