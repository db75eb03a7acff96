"""The outbox dispatcher: delivers queued messages through any channel, exactly once marked.

Each pass claims due rows in a short transaction (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so any number of dispatchers can run), sends them outside any transaction,
and marks each delivered, or failed with an exponential backoff. Nothing is ever dropped:
a dispatcher killed mid-send leaves a claim that expires after `lease`, and the message is
sent again then. The one window for a duplicate is a crash after the channel accepted the
message and before the mark committed (at-least-once delivery, exactly-once marking).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import Channel, ConversationKey, Reply
from catalog.orders import Clock, OutboxMessage, OutboxRepository, utc_now

logger = logging.getLogger(__name__)
Render = Callable[[dict[str, Any]], list[Reply]]
LOUD_AFTER = 5  # attempts before failures are logged as errors
# A bot token inside an exception text (a request URL) must not reach the logs or the table.
_TOKEN = re.compile(r"\d{5,}:[\w-]{20,}|(?i:token|secret|access_token)=[^&\s]+")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delay before attempt n+1: base * 2**(n-1), at most `cap`."""

    base: timedelta = timedelta(seconds=5)
    cap: timedelta = timedelta(hours=1)

    def after(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed attempt."""
        return min(self.cap, self.base * 2 ** min(max(attempts - 1, 0), 30))


class OutboxDispatcher:
    """Delivers outbox rows; run one per process, or many against PostgreSQL.

    Args:
        session_factory: sessions on the database that holds the outbox.
        channels: channel name -> channel ("telegram" serves "telegram:123").
        render: payload -> replies (see bot.notify_render.OutboxRenderer).
        clock: aware UTC time; tests pass a fake one.
        batch: rows claimed per pass.
        lease: how long a claim keeps other dispatchers off a row (longer than a send).
        backoff: the retry schedule.
    """

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        channels: dict[str, Channel],
        render: Render,
        clock: Clock = utc_now,
        *,
        batch: int = 20,
        lease: timedelta = timedelta(minutes=2),
        backoff: Backoff | None = None,
    ) -> None:
        self._sessions = session_factory
        self._channels = channels
        self._render = render
        self._clock = clock
        self._batch = batch
        self._lease = lease
        self._backoff = backoff or Backoff()
        self._send_timeout = lease.total_seconds() / 2

    async def run_once(self) -> int:
        """Claims and delivers the messages that are due now.

        Returns:
            How many messages were delivered (failed ones are rescheduled).
        """
        try:
            async with self._sessions() as session, session.begin():
                claimed = await OutboxRepository(session).claim_due(
                    self._clock(), self._batch, self._lease
                )
        except Exception:
            logger.exception("outbox: claiming failed; will try again")
            return 0
        results = await asyncio.gather(*(self._deliver(m) for m in claimed))
        return sum(results)

    async def run_forever(self, poll_interval: float = 1.0) -> None:
        """Delivers until cancelled; a full batch is followed at once by the next pass."""
        logger.info("outbox dispatcher started (channels: %s)", ", ".join(sorted(self._channels)))
        while True:
            delivered = await self.run_once()
            if delivered < self._batch:
                await asyncio.sleep(poll_interval)

    async def _deliver(self, message: OutboxMessage) -> bool:
        error = await self._send(message)
        try:
            async with self._sessions() as session, session.begin():
                repo = OutboxRepository(session)
                if error is None:
                    if not await repo.mark_delivered(message, self._clock()):
                        logger.warning("outbox %s: claim lost before marking", message.id)
                    return True
                retry_at = self._clock() + self._backoff.after(message.attempts)
                await repo.mark_failed(message, error, retry_at)
        except Exception:
            logger.exception("outbox %s: could not record the outcome", message.id)
            return error is None
        level = logging.ERROR if message.attempts >= LOUD_AFTER else logging.WARNING
        logger.log(level, "outbox %s attempt %d failed: %s", message.id, message.attempts, error)
        return False

    async def _send(self, message: OutboxMessage) -> str | None:
        """Sends one message; returns None, or why it failed."""
        try:
            key = ConversationKey.parse(message.recipient)
        except ValueError:
            return "not a chat address"
        channel = self._channels.get(key.channel)
        if channel is None:
            return f"no channel {key.channel!r} is running"
        try:
            replies = self._render(message.payload)
            await asyncio.wait_for(channel.send(key.chat_id, replies), self._send_timeout)
        except Exception as exc:  # any channel error: retry later, never drop
            return _TOKEN.sub("***", f"{exc.__class__.__name__}: {exc}")[:500]
        return None
