"""What the adapter needs from the engine: one message in, replies out."""

from __future__ import annotations

from typing import Protocol

from bot.core.messages import IncomingMessage, Reply


class MessageHandler(Protocol):
    """The engine as the adapter sees it; `handle` never raises."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]: ...
