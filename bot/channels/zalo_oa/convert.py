"""Zalo OA webhook events -> IncomingMessage: user_send_text, user_send_location, follow."""

from __future__ import annotations

import logging
from typing import Any

from bot.core.media import unsupported_payload
from bot.core.messages import GeoPoint, IncomingMessage

logger = logging.getLogger(__name__)

CHANNEL = "zalo_oa"
START = "/start"  # a new follower is greeted as if they had opened the bot
# What followers send that the bot cannot read: answered with what it understands.
UNSUPPORTED = {
    "user_send_sticker": "sticker",
    "user_send_image": "image",
    "user_send_gif": "gif",
    "user_send_audio": "voice",
    "user_send_video": "video",
    "user_send_file": "file",
    "user_send_link": "link",
    "user_send_business_card": "contact",
}


def _id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        return None
    return str(value)


def _field(data: Any, *path: str) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _location(message: Any) -> GeoPoint | None:
    attachments = _field(message, "attachments")
    first = attachments[0] if isinstance(attachments, list) and attachments else None
    coords = _field(first, "payload", "coordinates")
    try:
        return GeoPoint(float(coords["latitude"]), float(coords["longitude"]))
    except (TypeError, KeyError, ValueError):
        return None


def to_message(event: Any) -> IncomingMessage | None:
    """Converts one verified event; None (logged) for other kinds or missing fields.

    chat_id and user_id are the sender's id (an OA chat is one person), message_id the
    platform's msg_id, on which the engine de-duplicates.
    """
    name = _field(event, "event_name")
    if name == "follow":
        follower = _id(_field(event, "follower", "id"))
        stamp = _id(_field(event, "timestamp"))
        if follower is None or stamp is None:
            logger.warning("zalo_oa: a follow event without follower or timestamp, skipped")
            return None
        return IncomingMessage(CHANNEL, follower, follower, f"follow-{stamp}", text=START)
    if name not in ("user_send_text", "user_send_location", *UNSUPPORTED):
        logger.info("zalo_oa: event %s skipped", str(name)[:64])
        return None
    sender = _id(_field(event, "sender", "id"))
    message = _field(event, "message")
    msg_id = _id(_field(message, "msg_id"))
    if sender is None or msg_id is None:
        logger.warning("zalo_oa: a %s event without sender or msg_id, skipped", name)
        return None
    if name in UNSUPPORTED:
        payload = unsupported_payload(UNSUPPORTED[str(name)])
        return IncomingMessage(CHANNEL, sender, sender, msg_id, payload=payload)
    if name == "user_send_location":
        point = _location(message)
        if point is None:
            logger.warning("zalo_oa: a location event without coordinates, skipped")
            return None
        return IncomingMessage(CHANNEL, sender, sender, msg_id, location=point)
    text = _field(message, "text")
    if not isinstance(text, str):
        logger.warning("zalo_oa: a text event without text, skipped")
        return None
    return IncomingMessage(CHANNEL, sender, sender, msg_id, text=text)
