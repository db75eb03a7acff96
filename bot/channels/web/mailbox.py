"""Messages pushed to a web chat by others, held until a later poll acknowledges them."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.channels.web.waiters import Waiters

logger = logging.getLogger(__name__)

Message = dict[str, Any]
#: The largest id a page holds exactly (JavaScript's Number.MAX_SAFE_INTEGER); ``after``
#: beyond it is refused.
MAX_ID = 2**53 - 1


@dataclass(frozen=True)
class Pushed:
    """A queued message and its id: increasing per chat, never reused."""

    id: int
    message: Message


def next_id(last: int, now_ns: int) -> int:
    """The id after ``last``, and at least the clock in microseconds: a mailbox that forgot
    its last id (a restart, an expired key) never hands out one a page already holds."""
    return max(last + 1, now_ns // 1000)


class Mailbox(Protocol):
    """Per-chat queues of rendered messages with a wake-up for a waiting long poll.

    A poll says which messages it has received (``after``); they are deleted then, so a
    response lost on the way (a crash, a dropped connection, a reload) is answered again
    by the next poll. The durable mailboxes (SqlMailbox, RedisMailbox) keep messages
    across restarts.
    """

    async def start(self) -> None:
        """Prepares background work (called when the app starts)."""
        ...

    async def put(self, chat_id: str, messages: list[Message]) -> list[int]:
        """Queues messages for a chat, wakes its poller and returns their ids."""
        ...

    async def take(
        self,
        chat_id: str,
        wait: float,
        wanted: Callable[[], bool] = lambda: True,
        after: int | None = None,
    ) -> list[Pushed]:
        """Returns the chat's queued messages, oldest first, waiting up to ``wait`` s for some.

        Args:
            chat_id: the chat.
            wait: seconds to wait when nothing is queued.
            wanted: asked after the wait; False (the poller hung up) returns nothing.
            after: the id of the last message the poller received: those up to it are
                acknowledged (deleted) and only later ones are returned, kept until a later
                poll acknowledges them. None (a client that never acknowledges): what is
                returned is deleted at once, delivered at most once.
        """
        ...

    async def close(self) -> None:
        """Releases every waiting poll (server shutdown); new polls return at once."""
        ...


class MemoryMailbox:
    """A Mailbox in this process's memory: the embedded default (one process).

    Each chat keeps at most ``limit`` unacknowledged messages (the oldest are dropped and
    logged), so a chat that never polls cannot grow without bound.
    """

    def __init__(self, limit: int = 50, clock: Callable[[], int] = time.time_ns) -> None:
        self._limit = limit
        self._clock = clock
        self._queues: dict[str, deque[Pushed]] = {}
        self._last = 0
        self._waiters = Waiters()

    async def start(self) -> None:
        """Nothing to start."""

    async def put(self, chat_id: str, messages: list[Message]) -> list[int]:
        """Queues messages for a chat, wakes its poller and returns their ids."""
        queue = self._queues.setdefault(chat_id, deque(maxlen=self._limit))
        dropped = len(queue) + len(messages) - self._limit
        if dropped > 0:
            logger.warning("web chat %s: dropping %d undelivered messages", chat_id, dropped)
        ids = []
        for message in messages:
            self._last = next_id(self._last, self._clock())
            queue.append(Pushed(self._last, message))
            ids.append(self._last)
        self._waiters.wake(chat_id)
        return ids

    async def take(
        self,
        chat_id: str,
        wait: float,
        wanted: Callable[[], bool] = lambda: True,
        after: int | None = None,
    ) -> list[Pushed]:
        """Returns the chat's queued messages, waiting up to ``wait`` seconds for some."""
        if after is not None:
            self._acknowledge(chat_id, after)

        async def read() -> list[Pushed]:
            return self._drain(chat_id) if after is None else list(self._queues.get(chat_id, ()))

        found = await self._waiters.wait_unless(chat_id, wait, read)
        if found or not wanted():
            return found
        return await read()

    def _acknowledge(self, chat_id: str, after: int) -> None:
        queue = self._queues.get(chat_id)
        while queue and queue[0].id <= after:
            queue.popleft()
        if queue is not None and not queue:
            del self._queues[chat_id]

    def _drain(self, chat_id: str) -> list[Pushed]:
        return list(self._queues.pop(chat_id, ()))

    async def close(self) -> None:
        """Releases every waiting poll."""
        self._waiters.wake_all()
