"""Messages pushed to a web chat by others, held until that chat's next long poll."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, Protocol

logger = logging.getLogger(__name__)

Message = dict[str, Any]


class Mailbox(Protocol):
    """Per-chat queues of rendered messages with a wake-up for a waiting long poll.

    A message handed to one poll is gone ("since the last call"); until then the durable
    mailboxes (SqlMailbox, RedisMailbox) keep it across restarts.
    """

    async def start(self) -> None:
        """Prepares background work (called when the app starts)."""
        ...

    async def put(self, chat_id: str, messages: list[Message]) -> None:
        """Queues messages for a chat and wakes its poller."""
        ...

    async def take(
        self, chat_id: str, wait: float, wanted: Callable[[], bool] = lambda: True
    ) -> list[Message]:
        """Returns the chat's queued messages, waiting up to ``wait`` seconds for some.

        Args:
            chat_id: the chat.
            wait: seconds to wait when nothing is queued.
            wanted: asked after the wait; False (the poller hung up) leaves messages queued.
        """
        ...

    async def close(self) -> None:
        """Releases every waiting poll (server shutdown); new polls return at once."""
        ...


class Waiters:
    """The long polls waiting in this process, by chat; ``wake`` releases a chat's polls."""

    def __init__(self) -> None:
        self._events: dict[str, set[asyncio.Event]] = {}
        self.closed = False

    async def wait_unless(
        self, chat_id: str, wait: float, drain: Callable[[], Awaitable[list[Message]]]
    ) -> list[Message]:
        """Drains once; if that found nothing, waits for a wake-up (or ``wait`` seconds).

        The waiter is registered before the first drain, so a message that arrives in
        between still wakes it. Returns what the first drain found ([] means: drain again).
        """
        event = asyncio.Event()
        self._events.setdefault(chat_id, set()).add(event)
        try:
            found = await drain()
            if found or wait <= 0 or self.closed:
                return found
            with suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), wait)
            return []
        finally:
            events = self._events.get(chat_id)
            if events is not None:
                events.discard(event)
                if not events:
                    del self._events[chat_id]

    def wake(self, chat_id: str) -> None:
        for event in self._events.get(chat_id, ()):
            event.set()

    def wake_all(self) -> None:
        self.closed = True
        for events in self._events.values():
            for event in events:
                event.set()


class MemoryMailbox:
    """A Mailbox in this process's memory: the embedded default (one process).

    Each chat keeps at most ``limit`` undelivered messages (the oldest are dropped and
    logged), so a chat that never polls cannot grow without bound.
    """

    def __init__(self, limit: int = 50) -> None:
        self._limit = limit
        self._queues: dict[str, deque[Message]] = {}
        self._waiters = Waiters()

    async def start(self) -> None:
        """Nothing to start."""

    async def put(self, chat_id: str, messages: list[Message]) -> None:
        """Queues messages for a chat and wakes its poller."""
        queue = self._queues.setdefault(chat_id, deque(maxlen=self._limit))
        dropped = len(queue) + len(messages) - self._limit
        if dropped > 0:
            logger.warning("web chat %s: dropping %d undelivered messages", chat_id, dropped)
        queue.extend(messages)
        self._waiters.wake(chat_id)

    async def take(
        self, chat_id: str, wait: float, wanted: Callable[[], bool] = lambda: True
    ) -> list[Message]:
        """Returns the chat's queued messages, waiting up to ``wait`` seconds for some."""
        found = await self._waiters.wait_unless(chat_id, wait, lambda: self._drain(chat_id))
        if found or not wanted():
            return found
        return await self._drain(chat_id)

    async def _drain(self, chat_id: str) -> list[Message]:
        queue = self._queues.pop(chat_id, None)
        return list(queue) if queue else []

    async def close(self) -> None:
        """Releases every waiting poll."""
        self._waiters.wake_all()
