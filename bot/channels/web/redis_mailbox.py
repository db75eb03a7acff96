"""A Mailbox in Redis, for several processes behind a load balancer.

The outbox dispatcher may run in one process while the visitor's long poll waits in
another, and a restart must not lose queued pings: messages live in a sorted set per chat
(by id) until a poll acknowledges them, and a pub/sub channel wakes the process whose poll
is waiting. A push and a poll are each one Lua script, so two processes serving the same
chat never lose a message between them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from redis.asyncio import Redis

from bot.channels.web import redis_mailbox_lua as lua
from bot.channels.web.mailbox import Message, Pushed
from bot.channels.web.waiters import Waiters

logger = logging.getLogger(__name__)
BATCH = 100  # messages handed to one poll; the rest wait for the next


class RedisMailbox:
    """Per-chat sorted sets (capped at ``limit``, expiring after ``ttl`` s) plus wake-ups."""

    def __init__(
        self,
        redis: Redis,
        *,
        limit: int = 50,
        ttl: int = 7 * 24 * 3600,
        prefix: str = "ocopbot:web",
        clock: Callable[[], int] = time.time_ns,
    ) -> None:
        self._redis = redis
        self._limit, self._ttl, self._prefix = limit, ttl, prefix
        self._clock = clock
        self._wake_channel = f"{prefix}:wake"
        self._waiters = Waiters()
        self._listener: asyncio.Task[None] | None = None
        self._put = redis.register_script(lua.PUT)
        self._take = redis.register_script(lua.TAKE)

    def _keys(self, chat_id: str) -> list[str]:
        """The chat's messages, its last id, and the list an older version queued into."""
        p = self._prefix
        return [f"{p}:pushes:{chat_id}", f"{p}:push-id:{chat_id}", f"{p}:mailbox:{chat_id}"]

    def _now(self) -> int:
        return self._clock() // 1000

    async def start(self) -> None:
        """Starts listening for wake-ups from other processes."""
        if self._listener is None:
            ready = asyncio.Event()
            self._listener = asyncio.create_task(self._listen(ready), name="web-mailbox-wake")
            try:
                await asyncio.wait_for(ready.wait(), 5)
            except TimeoutError:
                # Keep serving: polls end on their timeout and drain then, just later.
                logger.warning("web mailbox: Redis wake-ups not ready yet; still trying")

    async def put(self, chat_id: str, messages: list[Message]) -> list[int]:
        """Queues messages for a chat, wakes its poller in whichever process it waits and
        returns their ids."""
        if not messages:
            return []
        args = [self._now(), self._ttl, self._limit, self._wake_channel, chat_id]
        args += [json.dumps(m, ensure_ascii=False) for m in messages]
        dropped, ids = await self._put(keys=self._keys(chat_id), args=args)
        if dropped > 0:
            logger.warning("web chat %s: dropping %d undelivered messages", chat_id, dropped)
        self._waiters.wake(chat_id)  # a poll in this process needs no round trip
        return [int(id_) for id_ in ids]

    async def take(
        self,
        chat_id: str,
        wait: float,
        wanted: Callable[[], bool] = lambda: True,
        after: int | None = None,
    ) -> list[Pushed]:
        """Returns the chat's messages after ``after`` (deleting those up to it), waiting up
        to ``wait`` s for some; without ``after``, returns and deletes them."""

        def read() -> Awaitable[list[Pushed]]:
            return self._run_take(chat_id, after)

        found = await self._waiters.wait_unless(chat_id, wait, read)
        if found or not wanted():
            return found
        return await read()

    async def _run_take(self, chat_id: str, after: int | None) -> list[Pushed]:
        args = [self._now(), self._ttl, "" if after is None else after, BATCH]
        members = await self._take(keys=self._keys(chat_id), args=args)
        return [_pushed(member) for member in members]

    async def _listen(self, ready: asyncio.Event) -> None:
        backoff = 0.5
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(self._wake_channel)
                    ready.set()
                    backoff = 0.5
                    async for message in pubsub.listen():
                        if message.get("type") == "message":
                            self._waiters.wake(_text(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception:
                # Polls still end on their timeout and drain then: late, never lost.
                logger.exception("web mailbox: lost the Redis wake-up channel; reconnecting")
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30)

    async def close(self) -> None:
        """Releases every waiting poll and stops listening."""
        self._waiters.wake_all()
        if self._listener is not None:
            self._listener.cancel()
            with suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None


def _text(data: Any) -> str:
    return data.decode() if isinstance(data, bytes) else str(data)


def _pushed(member: Any) -> Pushed:
    id_, _, message = _text(member).partition(" ")
    return Pushed(int(id_), json.loads(message))
