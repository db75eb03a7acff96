"""Replies -> Bot API calls: numbered options in the text, texts split below 2000 characters,
images as sendPhoto."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.messages import Reply
from bot.core.plaintext import render_plain, split_text

# The platform takes up to 2000 characters; stay a little below.
MAX_TEXT = 1990


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API call to make."""

    method: str
    params: dict[str, Any]


def render(chat_id: str, replies: list[Reply]) -> list[ApiCall]:
    """Renders replies as the calls to make, in order."""
    calls: list[ApiCall] = []
    for message in render_plain(replies):
        if message.image:
            photo = {"chat_id": chat_id, "photo": message.image}
            calls.append(ApiCall("sendPhoto", photo))
        if message.text.strip():
            for chunk in split_text(message.text, MAX_TEXT):
                calls.append(ApiCall("sendMessage", {"chat_id": chat_id, "text": chunk}))
    return calls
