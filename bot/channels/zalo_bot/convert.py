"""Zalo Bot Platform events -> IncomingMessage; anything else is None (logged, skipped)."""

from __future__ import annotations

import logging
from typing import Any

from bot.core.media import unsupported_payload
from bot.core.messages import IncomingMessage

logger = logging.getLogger(__name__)

CHANNEL = "zalo_bot"
TEXT_EVENT = "message.text.received"
# Events of what the bot cannot read (the platform sends voice and the rest as
# message.unsupported.received): answered with what it understands.
UNSUPPORTED = {
    "message.sticker.received": "sticker",
    "message.image.received": "image",
    "message.unsupported.received": "other",
}


def unwrap(raw: Any) -> Any:
    """A webhook body wraps the event as {"ok": true, "result": {...}}; polling may not."""
    if isinstance(raw, dict) and "result" in raw and "event_name" not in raw:
        return raw["result"]
    return raw


def _id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        return None
    return str(value)


def to_message(event: Any) -> IncomingMessage | None:
    """Converts one event; None for unknown kinds or missing fields.

    Args:
        event: the unwrapped event, {"event_name": ..., "message": {...}}.

    Returns:
        The neutral message: chat_id is the chat's id, user_id the sender's, message_id
        the platform's (the engine de-duplicates on it: the platform has no update id).
    """
    if not isinstance(event, dict):
        logger.warning("zalo_bot: an event that is not an object, skipped")
        return None
    name = event.get("event_name")
    message = event.get("message")
    if (name != TEXT_EVENT and name not in UNSUPPORTED) or not isinstance(message, dict):
        logger.info("zalo_bot: event %s skipped", str(name)[:64])
        return None
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    chat_id, user_id = _id(chat.get("id")), _id(sender.get("id"))
    message_id, text = _id(message.get("message_id")), message.get("text")
    if name in UNSUPPORTED and chat_id is not None and message_id is not None:
        payload = unsupported_payload(UNSUPPORTED[str(name)])
        return IncomingMessage(CHANNEL, chat_id, user_id or chat_id, message_id, payload=payload)
    if chat_id is None or message_id is None or not isinstance(text, str):
        logger.warning("zalo_bot: a text event without chat, id or text, skipped")
        return None
    return IncomingMessage(CHANNEL, chat_id, user_id or chat_id, message_id, text=text)
