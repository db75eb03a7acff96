"""Messages pushed to a web chat by others, held until that chat's next long poll."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

Message = dict[str, Any]


class _Box:
    __slots__ = ("messages", "waiters", "wakeup")

    def __init__(self, limit: int) -> None:
        self.messages: deque[Message] = deque(maxlen=limit)
        self.wakeup = asyncio.Event()
        self.waiters = 0


class Mailboxes:
    """One queue per chat; a waiting long poll wakes as soon as something arrives.

    Each chat keeps at most ``limit`` undelivered messages (the oldest are dropped and
    logged), so a chat that never polls cannot grow without bound. Delivery is
    at-most-once: a message handed to one poll is gone, as "since the last call" means.
    """

    def __init__(self, limit: int = 50) -> None:
        self._limit = limit
        self._boxes: dict[str, _Box] = {}
        self._closed = False

    def put(self, chat_id: str, messages: list[Message]) -> None:
        """Queues messages for a chat and wakes its poller."""
        box = self._boxes.get(chat_id)
        if box is None:
            box = self._boxes[chat_id] = _Box(self._limit)
        dropped = len(box.messages) + len(messages) - self._limit
        if dropped > 0:
            logger.warning("web chat %s: dropping %d undelivered messages", chat_id, dropped)
        box.messages.extend(messages)
        box.wakeup.set()

    async def take(
        self, chat_id: str, wait: float, wanted: Callable[[], bool] = lambda: True
    ) -> list[Message]:
        """Returns the chat's queued messages, waiting up to ``wait`` seconds for some.

        Args:
            chat_id: the chat.
            wait: seconds to wait when nothing is queued.
            wanted: asked after the wait; False (the poller hung up) leaves messages queued.
        """
        box = self._boxes.get(chat_id)
        if box is None:
            box = self._boxes[chat_id] = _Box(self._limit)
        if not box.messages and wait > 0 and not self._closed:
            box.wakeup.clear()
            box.waiters += 1
            try:
                await asyncio.wait_for(box.wakeup.wait(), wait)
            except TimeoutError:
                pass
            finally:
                box.waiters -= 1
        if not wanted():
            return []
        messages = list(box.messages)
        box.messages.clear()
        if box.waiters == 0:
            # Drained boxes nobody waits on are dropped, so idle chats cost nothing.
            self._boxes.pop(chat_id, None)
        return messages

    def pending(self, chat_id: str) -> int:
        """How many messages wait for a chat (for tests and logs)."""
        box = self._boxes.get(chat_id)
        return len(box.messages) if box else 0

    def close(self) -> None:
        """Releases every waiting poll (server shutdown) and makes new polls return at once."""
        self._closed = True
        for box in self._boxes.values():
            box.wakeup.set()
