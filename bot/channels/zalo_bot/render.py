"""Replies -> Bot API calls: numbered options in the text, texts split at Zalo's 2000 UTF-16
units, images as sendPhoto.

The Bot Platform's sendPhoto takes a photo URL the platform fetches itself (no upload), so a
PNG the bot made (an invite QR) cannot go as a photo here: its reply text carries what the
picture encodes, and a debug line says it was left out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.channels.zalo_bot.limits import split_for_zalo
from bot.core.messages import Reply
from bot.core.plaintext import render_plain

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API call to make."""

    method: str
    params: dict[str, Any]


def render(chat_id: str, replies: list[Reply]) -> list[ApiCall]:
    """Renders replies as the calls to make, in order."""
    calls: list[ApiCall] = []
    for message in render_plain(replies):
        image = message.image
        if image is not None and image.url is not None:
            calls.append(ApiCall("sendPhoto", {"chat_id": chat_id, "photo": image.url}))
        elif image is not None:
            logger.debug("zalo_bot: %r cannot be uploaded to the Bot Platform, text only", image)
        if message.text.strip():
            for chunk in split_for_zalo(message.text):
                calls.append(ApiCall("sendMessage", {"chat_id": chat_id, "text": chunk}))
    return calls
