"""The long polls waiting in this process, by chat, and the wake-up that releases them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import TypeVar

T = TypeVar("T")


class Waiters:
    """The long polls waiting in this process, by chat; ``wake`` releases a chat's polls."""

    def __init__(self) -> None:
        self._events: dict[str, set[asyncio.Event]] = {}
        self.closed = False

    async def wait_unless(
        self, chat_id: str, wait: float, read: Callable[[], Awaitable[list[T]]]
    ) -> list[T]:
        """Reads once; if that found nothing, waits for a wake-up (or ``wait`` seconds).

        The waiter is registered before the first read, so a message that arrives in
        between still wakes it. Returns what the first read found ([] means: read again).
        """
        event = asyncio.Event()
        self._events.setdefault(chat_id, set()).add(event)
        try:
            found = await read()
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
