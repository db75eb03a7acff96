"""A Mailbox in Redis, for several processes behind a load balancer.

The outbox dispatcher may run in one process while the visitor's long poll waits in
another, and a restart must not lose queued pings: messages live in a Redis list per
chat, and a pub/sub channel wakes the process whose poll is waiting.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from redis.asyncio import Redis

from bot.channels.web.mailbox import Message, Waiters

logger = logging.getLogger(__name__)


class RedisMailbox:
    """Per-chat Redis lists (capped at ``limit``, expiring after ``ttl`` s) plus wake-ups."""

    def __init__(
        self,
        redis: Redis,
        *,
        limit: int = 50,
        ttl: int = 7 * 24 * 3600,
        prefix: str = "ocopbot:web",
    ) -> None:
        self._redis = redis
        self._limit, self._ttl, self._prefix = limit, ttl, prefix
        self._wake_channel = f"{prefix}:wake"
        self._waiters = Waiters()
        self._listener: asyncio.Task[None] | None = None

    def _key(self, chat_id: str) -> str:
        return f"{self._prefix}:mailbox:{chat_id}"

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

    async def put(self, chat_id: str, messages: list[Message]) -> None:
        """Queues messages for a chat and wakes its poller, in whichever process it waits."""
        if not messages:
            return
        key = self._key(chat_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(key, *(json.dumps(m, ensure_ascii=False) for m in messages))
            pipe.ltrim(key, -self._limit, -1)
            pipe.expire(key, self._ttl)
            pipe.publish(self._wake_channel, chat_id)
            length, *_ = await pipe.execute()
        if length > self._limit:
            dropped = length - self._limit
            logger.warning("web chat %s: dropping %d undelivered messages", chat_id, dropped)
        self._waiters.wake(chat_id)  # a poll in this process needs no round trip

    async def take(
        self, chat_id: str, wait: float, wanted: Callable[[], bool] = lambda: True
    ) -> list[Message]:
        """Returns the chat's queued messages, waiting up to ``wait`` seconds for some."""
        found = await self._waiters.wait_unless(chat_id, wait, lambda: self._drain(chat_id))
        if found or not wanted():
            return found
        return await self._drain(chat_id)

    async def _drain(self, chat_id: str) -> list[Message]:
        key = self._key(chat_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.lrange(key, 0, -1)
            pipe.delete(key)
            raw, _ = await pipe.execute()
        return [json.loads(item) for item in raw]

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
