"""The engine's seam for the operator console: held conversations and per-turn records."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import IncomingMessage, Reply
from bot.core.nlu import Parse


class TurnObserver(Protocol):
    """Sees every turn inside its transaction (bot.turn_log.TurnLog implements it)."""

    async def held(self, session: AsyncSession, msg: IncomingMessage) -> bool:
        """True when a person holds this conversation: the bot must not answer it.

        The implementation records the customer's message for that person.
        """
        ...

    async def observed(
        self,
        session: AsyncSession,
        msg: IncomingMessage,
        parse: Parse | None,
        step_before: str,
        replies: list[Reply],
    ) -> None:
        """Records one answered turn (transcript and analytics)."""
        ...
