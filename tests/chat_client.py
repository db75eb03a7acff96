"""A test client that talks to the real engine in the user's words (aiogram_dialog's idea)."""

from __future__ import annotations

import itertools

from bot.core.engine import Engine
from bot.core.messages import Button, GeoPoint, IncomingMessage, Reply


class ChatClient:
    """One person chatting on one channel: send text, click buttons, share a location."""

    def __init__(
        self, engine: Engine, channel: str = "test", chat_id: str = "chat-1", user_id: str = "u-1"
    ) -> None:
        self.engine = engine
        self.channel, self.chat_id, self.user_id = channel, chat_id, user_id
        self.replies: list[Reply] = []
        self._ids = itertools.count(1)

    async def _deliver(self, **fields: object) -> list[Reply]:
        msg = IncomingMessage(
            self.channel,
            self.chat_id,
            self.user_id,
            f"m{next(self._ids)}",
            **fields,  # type: ignore[arg-type]
        )
        self.replies = await self.engine.handle(msg)
        return self.replies

    async def send(self, text: str) -> list[Reply]:
        """Types `text` and returns the bot's replies."""
        return await self._deliver(text=text)

    async def click(self, title: str) -> list[Reply]:
        """Presses the button of the last replies whose title contains `title` (any case)."""
        return await self._deliver(payload=self.button(title).payload)

    async def press(self, payload: str) -> list[Reply]:
        """Presses a button by its payload, as a channel would deliver it."""
        return await self._deliver(payload=payload)

    async def share_location(self, lat: float, lon: float) -> list[Reply]:
        """Shares a location, as the transport's location widget does."""
        return await self._deliver(location=GeoPoint(lat, lon))

    @property
    def text(self) -> str:
        """Everything the last replies say, as one string."""
        return "\n".join(reply.text for reply in self.replies)

    @property
    def buttons(self) -> list[Button]:
        return [button for reply in self.replies for button in reply.buttons]

    @property
    def titles(self) -> list[str]:
        return [button.title for button in self.buttons]

    def button(self, title: str) -> Button:
        wanted = title.casefold()
        for button in self.buttons:
            if wanted == button.title.casefold():
                return button
        for button in self.buttons:
            if wanted in button.title.casefold():
                return button
        raise AssertionError(f"no button {title!r} among {self.titles}")
