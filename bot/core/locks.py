"""Per-conversation locks: two fast messages from one person never race."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from bot.core.messages import ConversationKey


class LockProvider(Protocol):
    """Hands out a lock per conversation (in-process now; Redis or advisory locks later)."""

    def lock(self, key: ConversationKey) -> AbstractAsyncContextManager[None]: ...


class LocalLocks:
    """An asyncio.Lock per conversation, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[ConversationKey, asyncio.Lock] = {}
        self._users: dict[ConversationKey, int] = {}

    @asynccontextmanager
    async def lock(self, key: ConversationKey) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                del self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)
