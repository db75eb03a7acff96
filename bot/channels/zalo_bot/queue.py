"""Runs incoming events as tasks: one chat's events in arrival order, chats in parallel."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

logger = logging.getLogger(__name__)
Job = Callable[[], Awaitable[None]]


class ChatQueue:
    """Schedules jobs per chat; a failing job is logged and does not stop the chat's queue."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._tails: dict[str, asyncio.Task[None]] = {}

    def submit(self, chat: str, job: Job) -> asyncio.Task[None]:
        """Runs `job` after the chat's previous jobs have finished; returns its task."""
        previous = self._tails.get(chat)
        task = asyncio.create_task(self._run(job, previous))
        self._tails[chat] = task
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._forget(chat, done))
        return task

    def _forget(self, chat: str, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if self._tails.get(chat) is task:
            del self._tails[chat]

    @staticmethod
    async def _run(job: Job, previous: asyncio.Task[None] | None) -> None:
        if previous is not None:
            await asyncio.wait({previous})
        try:
            await job()
        except Exception:
            logger.exception("an incoming event failed")

    async def drain(self) -> None:
        """Waits until every scheduled job has finished."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def close(self, timeout: float = 10.0) -> None:
        """Lets running jobs finish for up to `timeout` seconds, then cancels the rest."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(set(self._tasks))


class ChatLocks:
    """One lock per chat, forgotten when nobody holds or waits for it, so messages to one
    chat never interleave (an answer and an outbox ping, say)."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, chat: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(chat, asyncio.Lock())
        self._users[chat] = self._users.get(chat, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[chat] -= 1
            if not self._users[chat]:
                del self._users[chat], self._locks[chat]
