"""Turns aiogram messages and callback queries into neutral `IncomingMessage`s."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from aiogram.types import CallbackQuery, Message

from bot.channels.telegram.textsplit import utf16_len
from bot.core.messages import GeoPoint, IncomingMessage

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
# Telegram itself caps a text message at 4096 characters; anything longer is not genuine.
MAX_TEXT_UNITS = 4096
COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z0-9_]{1,32})(?:@(?P<bot>[A-Za-z0-9_]+))?(?P<rest>\s.*)?$", re.S
)


@dataclass(frozen=True, slots=True)
class BotIdentity:
    """Who the bot is, to tell whether a group message is meant for it."""

    id: int
    username: str


def normalize_command(text: str, me: BotIdentity) -> str | None:
    """Returns "/cmd args" without "@botname"; None if it is another bot's command."""
    match = COMMAND.match(text)
    if match is None:
        return text
    if match["bot"] and match["bot"].lower() != me.username.lower():
        return None
    return f"/{match['name'].lower()}{match['rest'] or ''}"


def strip_mention(text: str, me: BotIdentity) -> tuple[str, bool]:
    """Removes "@botname" from a text; says whether it was there."""
    if not me.username:
        return text, False
    pattern = re.compile(rf"@{re.escape(me.username)}\b", re.I)
    stripped, count = pattern.subn("", text)
    return (re.sub(r"[ \t]{2,}", " ", stripped).strip() if count else text), bool(count)


def addressed_text(message: Message, me: BotIdentity) -> str | None:
    """The text meant for the bot; in groups only when commanded, mentioned or replied to."""
    text = message.text or ""
    if text.startswith("/"):
        return normalize_command(text, me)
    if message.chat.type == "private":
        return text
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == me.id)
    text, mentioned = strip_mention(text, me)
    return text if (mentioned or to_bot) else None


def from_message(update_id: int, message: Message, me: BotIdentity) -> IncomingMessage | None:
    """Converts a message; None for what the bot should not answer (logged at debug)."""
    if message.chat.type == "channel":
        return None
    user = message.from_user
    base = {
        "channel": CHANNEL,
        "chat_id": str(message.chat.id),
        "user_id": str(user.id if user else message.chat.id),
        "message_id": str(update_id),
        "language_hint": user.language_code if user else None,
    }
    private = message.chat.type == "private"
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == me.id)
    if message.location is not None:
        if not (private or to_bot):
            return None
        point = GeoPoint(message.location.latitude, message.location.longitude)
        return IncomingMessage(**base, location=point)
    if message.contact is not None:
        if not (private or to_bot):
            return None
        return IncomingMessage(**base, contact_phone=message.contact.phone_number)
    if message.text is None:
        logger.debug("update %s: no text, location or contact, skipped", update_id)
        return None
    if utf16_len(message.text) > MAX_TEXT_UNITS:
        logger.warning("update %s: text of %d chars, skipped", update_id, len(message.text))
        return None
    text = addressed_text(message, me)
    if text is None or not text.strip():
        return None
    return IncomingMessage(**base, text=text)


def from_callback(update_id: int, query: CallbackQuery, payload: str) -> IncomingMessage:
    """Converts a pressed inline button into a payload message."""
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    return IncomingMessage(
        channel=CHANNEL,
        chat_id=str(chat_id),
        user_id=str(query.from_user.id),
        message_id=str(update_id),
        payload=payload,
        language_hint=query.from_user.language_code,
    )
