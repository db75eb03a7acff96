"""Builds update JSON the way the Bot API documents it (Update, Message, CallbackQuery)."""

from __future__ import annotations

import itertools
import time
from typing import Any

BOT_ID = 123456


class Updates:
    """Numbers updates and messages like Telegram does: update_id only ever grows."""

    def __init__(self, first_update_id: int = 500_000) -> None:
        self._update_ids = itertools.count(first_update_id)
        self._message_ids = itertools.count(1)

    def _user(self, user_id: int, language: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Lan"}
        if language:
            user["language_code"] = language
        return user

    @staticmethod
    def _chat(chat_id: int) -> dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": "Nhóm du lịch Hạ Long"}
        return {"id": chat_id, "type": "private", "first_name": "Lan"}

    def message(
        self, chat_id: int, user_id: int | None = None, language: str | None = "vi", **content: Any
    ) -> dict[str, Any]:
        """An update carrying a message with the given content fields."""
        message = {
            "message_id": next(self._message_ids),
            "from": self._user(user_id or abs(chat_id), language),
            "chat": self._chat(chat_id),
            "date": int(time.time()),
            **content,
        }
        return {"update_id": next(self._update_ids), "message": message}

    def text(self, chat_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        """A text message; a leading /command gets its bot_command entity."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.message(chat_id, **content, **kwargs)

    def location(self, chat_id: int, lat: float, lon: float, **kwargs: Any) -> dict[str, Any]:
        return self.message(chat_id, location={"latitude": lat, "longitude": lon}, **kwargs)

    def contact(self, chat_id: int, phone: str, **kwargs: Any) -> dict[str, Any]:
        contact = {"phone_number": phone, "first_name": "Lan", "user_id": abs(chat_id)}
        return self.message(chat_id, contact=contact, **kwargs)

    def sticker(self, chat_id: int) -> dict[str, Any]:
        sticker = {
            "file_id": "CAACAgIAAxkBAAEB",
            "file_unique_id": "AgADBAAD",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self.message(chat_id, sticker=sticker)

    def callback(
        self, chat_id: int, data: str, message_id: int, language: str | None = "vi"
    ) -> dict[str, Any]:
        """A pressed inline button under the bot's message `message_id`."""
        message = {
            "message_id": message_id,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "OCOP"},
            "chat": self._chat(chat_id),
            "date": int(time.time()),
            "text": "…",
        }
        query = {
            "id": f"cbq-{next(self._message_ids)}",
            "from": self._user(abs(chat_id), language),
            "message": message,
            "chat_instance": "-42",
            "data": data,
        }
        return {"update_id": next(self._update_ids), "callback_query": query}

    def migration(self, group_id: int, supergroup_id: int) -> dict[str, Any]:
        """The service message Telegram posts in a group upgraded to a supergroup."""
        update = self.message(group_id, migrate_to_chat_id=supergroup_id)
        update["message"]["chat"] = {"id": group_id, "type": "group", "title": "Cơ sở Quy Hoa"}
        return update

    def raw(self, **fields: Any) -> dict[str, Any]:
        """Anything else (unknown types, missing fields), with a fresh update_id."""
        return {"update_id": next(self._update_ids), **fields}
