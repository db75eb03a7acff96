"""Messages the bot cannot read (stickers, voice, photos, files): a channel turns them into a
payload of this route, so the engine answers in the chat's language and keeps its step."""

from __future__ import annotations

from bot.core.payloads import make_payload

UNSUPPORTED_ROUTE = "media:unsupported"
KINDS = frozenset({"sticker", "image", "gif", "voice", "video", "file", "link", "contact"})


def unsupported_payload(kind: str) -> str:
    """The payload for a message of `kind` ("other" when the kind is not one we name)."""
    return make_payload("media", "unsupported", kind if kind in KINDS else "other")
