"""The engine's seam for the operator console: held conversations and per-turn records."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import IncomingMessage, Reply
from bot.core.nlu import Parse
from bot.core.opening import Leg


class TurnObserver(Protocol):
    """Sees every turn inside its transaction (bot.turn_log.TurnLog implements it)."""

    def held_leg(self, msg: IncomingMessage) -> Leg:
        """Whether a person holds this conversation (the bot must not answer it), read with
        the turn's other opening questions: a row when held."""
        ...

    async def record_held(self, session: AsyncSession, msg: IncomingMessage) -> None:
        """Keeps the customer's message of a held conversation for the person holding it."""
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
