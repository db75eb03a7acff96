"""What the web chat needs from the rest of the bot: an engine and a session store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import IncomingMessage, Reply

#: Writes what the web chat keeps of a turn on the turn's session (bot.core.engine.TurnKeeper).
Keeper = Callable[[AsyncSession, list[Reply]], Awaitable[None]]


class ChatEngine(Protocol):
    """Turns one incoming message into the replies for its sender (the core engine)."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]: ...

    # Optional: ``async replies_for(msg) -> list[Reply] | None``, the replies a message
    # already processed got (the core engine keeps them with its de-duplication record),
    # and ``async answer(msg, keep) -> Answer`` (bot.core.engine), which returns them for a
    # duplicate in the same read as the turn's state and runs ``keep`` in the turn.


class SessionStore(Protocol):
    """Maps the hash of a session token to the chat id it was issued for.

    Only hashes are stored, so a leaked table does not let anyone impersonate a visitor.
    """

    async def create(self, token_hash: str, chat_id: str) -> None:
        """Stores a newly issued session."""
        ...

    async def find(self, token_hash: str) -> str | None:
        """Returns the chat id for a token hash, or None if no such session exists."""
        ...
