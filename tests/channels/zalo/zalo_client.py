"""A person chatting through the Zalo Bot Platform, in the user's words (tests only).

Each action builds real event JSON, delivers it by polling (or a given webhook poster),
waits until the channel has answered, and keeps what the person now sees.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.channels.zalo_bot import ZaloBotChannel
from tests.channels.zalo.bot_events import BotEvents
from tests.channels.zalo.fake_bot_api import Call, FakeZaloBotAPI

Deliver = Callable[[dict[str, Any]], Awaitable[None]]


class ZaloBotChat:
    """One Zalo chat; `seen` holds the bot's calls to it caused by the last message."""

    def __init__(
        self,
        api: FakeZaloBotAPI,
        channel: ZaloBotChannel,
        chat_id: str,
        events: BotEvents | None = None,
        deliver: Deliver | None = None,
    ) -> None:
        self.api, self.channel, self.chat_id = api, channel, chat_id
        self.events = events or BotEvents()
        self._deliver = deliver or self._poll
        self.seen: list[Call] = []

    async def _poll(self, event: dict[str, Any]) -> None:
        self.api.push(event)
        await self.api.wait_taken()

    async def send(self, text: str) -> list[Call]:
        before = len(self.api.calls)
        await self._deliver(self.events.text(self.chat_id, text))
        await self.channel.queue.drain()
        self.seen = [
            c for c in self.api.calls[before:] if c.status == 200 and c.chat_id == self.chat_id
        ]
        return self.seen

    @property
    def text(self) -> str:
        """What the last message showed, messages joined by blank lines."""
        return "\n\n".join(c.params["text"] for c in self.seen if c.method == "sendMessage")

    @property
    def options(self) -> list[str]:
        """The numbered options shown last ("1. Quy Hoa" -> "Quy Hoa")."""
        lines = self.text.splitlines()
        return [ln.split(". ", 1)[1] for ln in lines if ln[:1].isdigit() and ". " in ln]
