"""Per-conversation locks in Redis: two messages of one chat never race, whichever process."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.core.locks import LocalLocks
from bot.core.messages import ConversationKey

logger = logging.getLogger(__name__)

# Both compare the token first: a holder whose lock expired never touches the next one's.
RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""
#: The first pause between attempts on a lock another process holds; it doubles up to ``poll``.
FIRST_PAUSE = 0.002


class LockTimeout(Exception):
    """The conversation stayed locked longer than the caller was willing to wait."""


class RedisLocks:
    """Implements bot.core.locks.LockProvider with a token-checked lock in Redis.

    The lock expires ``timeout`` seconds after its holder stops renewing it, so a
    process that dies mid-turn blocks its chat only that long; a live holder renews it
    every ``timeout / 3`` seconds, so a slow turn keeps it. Release deletes the key only
    if it still holds this holder's token.

    Turns of one chat in the same process first queue on an in-process lock, in arrival
    order and without polling; only a chat busy in another process is polled, after 2 ms
    at first, doubling up to ``poll``.

    Args:
        redis: the shared client (the caller closes it).
        prefix: namespace of every key, ``<prefix>:lock:<channel>:<namespace>:<chat>``.
        timeout: seconds a lock outlives a holder that stopped renewing it.
        wait: seconds to wait for a busy lock before giving up with LockTimeout.
        poll: the longest pause between attempts while another process holds it.
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
        self._ttl_ms = max(1, int(timeout * 1000))
        self._local = LocalLocks()
        self._release = redis.register_script(RELEASE)
        self._renew_script = redis.register_script(RENEW)
        # Tokens unique across processes (random part) and turns (counter): no uuid per turn.
        self._holder = os.urandom(8).hex()
        self._turns = itertools.count()

    def _name(self, key: ConversationKey) -> str:
        return f"{self._prefix}:lock:{key.channel}:{key.namespace}:{key.chat_id}"

    @asynccontextmanager
    async def lock(self, key: ConversationKey) -> AsyncIterator[None]:
        """Holds the chat's lock while the body runs.

        Raises:
            LockTimeout: another holder kept it for longer than ``wait`` seconds.
        """
        deadline = time.monotonic() + self._wait
        async with self._local_turn(key, deadline):
            name = self._name(key)
            token = f"{self._holder}:{next(self._turns)}"
            await self._acquire(key, name, token, deadline)
            loop = asyncio.get_running_loop()
            renewing: list[asyncio.Task[None]] = []
            # Most turns end long before a renewal is due: a timer, not a task per turn.
            timer = loop.call_later(
                self._timeout / 3,
                lambda: renewing.append(loop.create_task(self._renew(name, token))),
            )
            try:
                yield
            finally:
                timer.cancel()
                for task in renewing:
                    task.cancel()
                    with suppress(asyncio.CancelledError):
                        await task
                await self._let_go(key, name, token)

    @asynccontextmanager
    async def _local_turn(self, key: ConversationKey, deadline: float) -> AsyncIterator[None]:
        """This process's turns of the chat, one at a time in arrival order."""
        try:
            async with asyncio.timeout_at(_loop_time(deadline)):
                turn = self._local.lock(key)
                await turn.__aenter__()
        except TimeoutError:
            raise self._timed_out(key) from None
        try:
            yield
        finally:
            await turn.__aexit__(None, None, None)

    async def _acquire(self, key: ConversationKey, name: str, token: str, deadline: float) -> None:
        pause = FIRST_PAUSE
        while not await self._take(key, name, token):
            if time.monotonic() + pause > deadline:
                raise self._timed_out(key)
            await asyncio.sleep(pause)
            pause = min(pause * 2, self._poll)

    async def _take(self, key: ConversationKey, name: str, token: str) -> bool:
        """One attempt at the lock: True when this holder now has it."""
        return bool(await self._redis.set(name, token, nx=True, px=self._ttl_ms))

    def _timed_out(self, key: ConversationKey) -> LockTimeout:
        return LockTimeout(f"a {key.channel} chat stayed locked for {self._wait:.0f} s")

    async def _let_go(self, key: ConversationKey, name: str, token: str) -> None:
        """Releases the lock if it still holds ``token``; never raises a Redis error."""
        try:
            released = await self._release(keys=[name], args=[token])
        except RedisError:
            # The turn is done and saved; the lock expires by itself after `timeout`.
            logger.warning("could not release a %s chat's lock", key.channel, exc_info=True)
            return
        self._check_released(key, released)

    def _check_released(self, key: ConversationKey, released: int) -> None:
        if not released:
            # Expired and maybe taken by another: the token check left theirs alone.
            logger.warning("a %s chat's lock expired before its turn ended", key.channel)

    async def _renew(self, name: str, token: str) -> None:
        while True:
            try:
                if not await self._renew_script(keys=[name], args=[token, self._ttl_ms]):
                    logger.warning("lost a conversation lock while holding it")
                    return
            except RedisError:
                # Redis hiccup: try again next round; the lock lives on until its timeout.
                logger.warning("could not renew a conversation lock", exc_info=True)
            await asyncio.sleep(self._timeout / 3)


def _loop_time(deadline: float) -> float:
    """A time.monotonic() deadline on the running loop's clock."""
    return asyncio.get_running_loop().time() + (deadline - time.monotonic())
