"""Builds Zalo Bot Platform event JSON as the webhook and getUpdates deliver it."""

from __future__ import annotations

import itertools
import time
from typing import Any


class BotEvents:
    """Numbers messages like the platform does (string ids, unique per message)."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    def text(self, chat_id: str, text: str, user_id: str | None = None) -> dict[str, Any]:
        """A `message.text.received` event, unwrapped (as getUpdates returns it)."""
        message = {
            "from": {"id": user_id or chat_id, "display_name": "Lan", "is_bot": False},
            "chat": {"id": chat_id, "chat_type": "PRIVATE"},
            "text": text,
            "message_id": f"msg-{next(self._ids)}",
            "date": int(time.time() * 1000),
        }
        return {"event_name": "message.text.received", "message": message}

    @staticmethod
    def wrapped(event: dict[str, Any]) -> dict[str, Any]:
        """The webhook body: {"ok": true, "result": event}."""
        return {"ok": True, "result": event}

    def sticker(self, chat_id: str) -> dict[str, Any]:
        event = self.text(chat_id, "")
        del event["message"]["text"]
        event["message"]["sticker"] = "bfe1b2f8d3e1"
        event["event_name"] = "message.sticker.received"
        return event
