"""What the adapter needs from the engine: one message in, replies out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.core.messages import IncomingMessage, Reply


class MessageHandler(Protocol):
    """The engine as the adapter sees it; `handle` never raises."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]: ...


# Called with a chat's old and new address ("telegram:-4001", "telegram:-1004001") when a
# group was upgraded to a supergroup, so whatever was linked to it follows.
ChatMoved = Callable[[str, str], Awaitable[None]]


async def ignore_move(old: str, new: str) -> None:
    """The default: nothing is linked to chats."""
