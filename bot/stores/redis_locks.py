"""Per-conversation locks in Redis: two messages of one chat never race, whichever process."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError, RedisError

from bot.core.messages import ConversationKey

logger = logging.getLogger(__name__)


class LockTimeout(Exception):
    """The conversation stayed locked longer than the caller was willing to wait."""


class RedisLocks:
    """Implements bot.core.locks.LockProvider with redis-py's token-checked Lock.

    The lock expires ``timeout`` seconds after its holder stops renewing it, so a
    process that dies mid-turn blocks its chat only that long; a live holder renews it
    every ``timeout / 3`` seconds, so a slow turn keeps it. Release deletes the key only
    if it still holds this holder's token.

    Args:
        redis: the shared client (the caller closes it).
        prefix: namespace of every key, ``<prefix>:lock:<channel>:<namespace>:<chat>``.
        timeout: seconds a lock outlives a holder that stopped renewing it.
        wait: seconds to wait for a busy lock before giving up with LockTimeout.
        poll: seconds between attempts while waiting.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "ocopbot",
        timeout: float = 15.0,
        wait: float = 60.0,
        poll: float = 0.05,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._timeout, self._wait, self._poll = timeout, wait, poll

    def _name(self, key: ConversationKey) -> str:
        return f"{self._prefix}:lock:{key.channel}:{key.namespace}:{key.chat_id}"

    @asynccontextmanager
    async def lock(self, key: ConversationKey) -> AsyncIterator[None]:
        """Holds the chat's lock while the body runs.

        Raises:
            LockTimeout: another holder kept it for longer than ``wait`` seconds.
        """
        lock = Lock(
            self._redis,
            self._name(key),
            timeout=self._timeout,
            sleep=self._poll,
            blocking_timeout=self._wait,
            thread_local=False,  # one Lock object per holder; tasks share a thread
        )
        if not await lock.acquire():
            raise LockTimeout(f"a {key.channel} chat stayed locked for {self._wait:.0f} s")
        renew = asyncio.create_task(self._renew(lock), name="redis-lock-renew")
        try:
            yield
        finally:
            renew.cancel()
            with suppress(asyncio.CancelledError):
                await renew
            try:
                await lock.release()
            except LockError:
                # Expired and maybe taken by another: the token check left theirs alone.
                logger.warning("a %s chat's lock expired before its turn ended", key.channel)
            except RedisError:
                # The turn is done and saved; the lock expires by itself after `timeout`.
                logger.warning("could not release a %s chat's lock", key.channel, exc_info=True)

    async def _renew(self, lock: Lock) -> None:
        while True:
            await asyncio.sleep(self._timeout / 3)
            try:
                await lock.reacquire()
            except LockError:
                logger.warning("lost a conversation lock while holding it")
                return
            except Exception:
                # Redis hiccup: try again next round; the lock lives on until its timeout.
                logger.warning("could not renew a conversation lock", exc_info=True)
