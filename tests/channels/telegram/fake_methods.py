"""The Bot API methods the fake server implements, answering with the documented objects
(https://core.telegram.org/bots/api#available-types), and the records it keeps."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Call:
    """One request the bot made, with its decoded parameters and our answer's status."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    result: Any = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)


@dataclass(slots=True)
class Fault:
    """Fails `times` calls of `method` (every `every`-th one): an HTTP status or a drop."""

    method: str
    times: int
    status: int = 429
    retry_after: int = 1
    every: int = 1
    description: str = "Internal Server Error"
    seen: int = 0

    def hit(self) -> bool:
        self.seen += 1
        if self.times > 0 and self.seen % self.every == 0:
            self.times -= 1
            return True
        return False


@dataclass
class FakeState:
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook_url: str = ""
    confirmed: int = 0  # the highest offset getUpdates was called with
    next_message_id: int = 1000
    migrated: dict[str, int] = field(default_factory=dict)  # old group id -> supergroup id


class BotAPIMethods:
    """getMe, getUpdates, sendMessage, editMessageText, sendPhoto, sendVenue, sendLocation."""

    bot_id: int
    username: str
    state: FakeState
    _new_update: asyncio.Event

    def _me(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "OCOP", "username": self.username}

    @staticmethod
    def chat(chat_id: int | str) -> dict[str, Any]:
        number = int(chat_id)
        if number < 0:
            return {"id": number, "type": "supergroup", "title": "Nhóm du lịch"}
        return {"id": number, "type": "private", "first_name": "Khách"}

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        self.state.next_message_id += 1
        return {
            "message_id": self.state.next_message_id,
            "from": self._me(),
            "chat": self.chat(params["chat_id"]),
            "date": int(time.time()),
            **content,
        }

    async def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._me()

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset", 0))
        timeout = float(params.get("timeout", 0))
        if offset:
            self.state.confirmed = max(self.state.confirmed, offset)
            self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
        if not self.state.updates and timeout:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except TimeoutError:
                return []
        return self.state.updates[:100]

    async def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text=params["text"])

    async def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(params, text=params["text"])
        message["message_id"] = int(params["message_id"])
        message["edit_date"] = int(time.time())
        return message

    async def _api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        size = {"file_id": "AgACAgIAAxkBAAIB", "file_unique_id": "AQADAgAT", "width": 320}
        content: dict[str, Any] = {"photo": [size | {"height": 320}]}
        if params.get("caption"):
            content["caption"] = params["caption"]
        return self._message(params, **content)

    async def _api_sendVenue(self, params: dict[str, Any]) -> dict[str, Any]:
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        venue = {"location": location, "title": params["title"], "address": params["address"]}
        return self._message(params, venue=venue, location=location)

    async def _api_sendLocation(self, params: dict[str, Any]) -> dict[str, Any]:
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        return self._message(params, location=location)
