"""A person chatting with the bot through Telegram, in the user's words (tests only).

Each action builds real update JSON, delivers it through the fake Bot API (polling) or the
webhook, waits until the channel has processed it, and returns what the person now sees.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from typing import Any

from bot.channels.telegram import TelegramChannel
from tests.channels.telegram.fake_api import Call, FakeBotAPI
from tests.channels.telegram.updates import Updates

SHOWN = {"sendMessage", "editMessageText", "sendPhoto", "sendVenue", "sendLocation"}
Deliver = Callable[[dict[str, Any]], Awaitable[None]]


class TelegramChat:
    """One Telegram chat; `seen` holds the bot's calls caused by the last action."""

    def __init__(
        self,
        api: FakeBotAPI,
        channel: TelegramChannel,
        chat_id: int,
        updates: Updates | None = None,
        language: str = "vi",
        deliver: Deliver | None = None,
    ) -> None:
        self.api, self.channel, self.chat_id = api, channel, chat_id
        self.updates = updates or Updates()
        self.language = language
        self._deliver = deliver or self._poll
        self.seen: list[Call] = []

    async def _poll(self, update: dict[str, Any]) -> None:
        self.api.push_update(update)
        await self.api.wait_confirmed(update["update_id"])

    async def _act(self, update: dict[str, Any]) -> list[Call]:
        before = len(self.api.calls)
        await self._deliver(update)
        await self.channel.feeder.drain()
        self.seen = [
            c
            for c in self.api.calls[before:]
            if c.status == 200
            and (c.chat_id == str(self.chat_id) or c.method == "answerCallbackQuery")
        ]
        return self.seen

    async def send(self, text: str) -> list[Call]:
        return await self._act(self.updates.text(self.chat_id, text, language=self.language))

    async def share_location(self, lat: float, lon: float) -> list[Call]:
        return await self._act(self.updates.location(self.chat_id, lat, lon))

    async def share_contact(self, phone: str) -> list[Call]:
        return await self._act(self.updates.contact(self.chat_id, phone))

    async def click(self, title: str) -> list[Call]:
        """Presses the inline button whose title contains `title`, on the latest message
        that shows it."""
        wanted = title.casefold()
        for call in reversed(self.api.calls):
            if call.chat_id != str(self.chat_id) or call.method not in SHOWN:
                continue
            for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if wanted in button["text"].casefold():
                        message_id = call.result["message_id"]
                        update = self.updates.callback(
                            self.chat_id, button["callback_data"], message_id, self.language
                        )
                        return await self._act(update)
        raise AssertionError(f"no button {title!r} in chat {self.chat_id}")

    @property
    def text(self) -> str:
        """What the last action showed (texts and captions), unescaped, one per line block."""
        shown = [c.params.get("text") or c.params.get("caption") for c in self.seen]
        return "\n".join(html.unescape(t) for t in shown if t)

    @property
    def methods(self) -> list[str]:
        return [c.method for c in self.seen]

    @property
    def titles(self) -> list[str]:
        return [
            button["text"]
            for call in self.seen
            for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row
        ]
