"""Applies a channel's "this chat has a new address" to the order records (wired by the
composition root into the Telegram channel, which learns it from migrate_to_chat_id)."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders.moves import move_chat

logger = logging.getLogger(__name__)


class ChatMoves:
    """`await moves(old, new)` moves producer links and pending messages in one transaction."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def __call__(self, old: str, new: str) -> None:
        async with self._sessions() as session, session.begin():
            moved = await move_chat(session, old, new)
        logger.info("a chat moved to a new address; %d producer link(s) followed it", moved)
