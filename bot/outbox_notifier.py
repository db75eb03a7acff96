"""A Notifier that queues to the outbox, so a message to another chat survives failures."""

from __future__ import annotations

import logging
import uuid

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import ConversationKey, Reply
from bot.notify_render import rendered_payload
from catalog.orders import Clock, OutboxRepository, utc_now

logger = logging.getLogger(__name__)


class OutboxNotifier:
    """Implements bot.core.notify.Notifier by writing outbox rows (the dispatcher sends them).

    The rows commit in their own short transaction; order changes write theirs through
    OrderService in the handler's transaction instead.

    Args:
        session_factory: sessions on the database that holds the outbox.
        clock: aware UTC time.
    """

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], clock: Clock = utc_now
    ) -> None:
        self._sessions = session_factory
        self._clock = clock

    async def notify(self, address: str, replies: list[Reply]) -> bool:
        """Queues `replies` for `address`; True once they are safely stored."""
        try:
            ConversationKey.parse(address)
        except ValueError:
            logger.warning("notify: not a chat address (%d chars)", len(address))
            return False
        try:
            async with self._sessions() as session, session.begin():
                await OutboxRepository(session).enqueue(
                    address,
                    "notice",
                    rendered_payload(replies),
                    f"notice:{uuid.uuid4().hex}",
                    self._clock(),
                )
        except Exception:
            logger.exception("notify: could not queue a message for %s", address.split(":")[0])
            return False
        return True
