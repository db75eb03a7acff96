"""State and lock of a chat in two Redis round trips a turn instead of four.

Taking the lock also reads the state; saving the state also releases the lock. The keys,
values and tokens are those of RedisLocks and RedisStateStore, so processes of either kind
share chats during a rolling deploy.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.core.messages import ConversationKey
from bot.stores.redis_locks import RedisLocks
from bot.stores.redis_state import RedisStateStore, decode_state, encode_state, state_name

# KEYS: lock, state. ARGV: token, lock ms. Nil when busy, else {state} (a nil state is false).
TAKE = """
if not redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return {redis.call('get', KEYS[2])}
"""
# KEYS: state, lock. ARGV: state, state ms ('' keeps it for ever), token. The state is
# saved even when the lock was lost, as a plain SET would; the lock goes only if still ours.
SAVE_AND_RELEASE = """
if ARGV[2] == '' then redis.call('set', KEYS[1], ARGV[1])
else redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
if redis.call('get', KEYS[2]) == ARGV[3] then return redis.call('del', KEYS[2]) end
return 0
"""


@dataclass
class _Hold:
    """A held lock's state: read with the lock, or left by set() for the release to save."""

    task: asyncio.Task[Any] | None
    raw: bytes | str | None  # what get() decodes
    saving: str | None = None  # what set() left to save, also in raw


class RedisConversations(RedisLocks):
    """Implements both bot.core.locks.LockProvider and bot.core.state.StateStore.

    Inside ``lock(key)``, in the task that took it, ``get(key)`` answers from the state read
    with the lock and ``set(key, …)`` is written when the lock is let go, in the same script
    that releases it: the state is saved before anyone else can take the chat, and a failed
    save raises out of the lock's exit as a failed SET did. Elsewhere get and set are plain
    GET and SET, exactly RedisStateStore's.

    Args:
        redis: the shared client (the caller closes it).
        prefix: namespace of every key (see RedisLocks and RedisStateStore).
        ttl: how long an untouched conversation is kept; None keeps it for ever.
        **lock_options: timeout, wait and poll, as RedisLocks takes them.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "ocopbot",
        ttl: timedelta | None = timedelta(days=30),
        **lock_options: float,
    ) -> None:
        super().__init__(redis, prefix=prefix, **lock_options)
        self._plain = RedisStateStore(redis, prefix=prefix, ttl=ttl)
        self._state_ms = "" if ttl is None else int(ttl.total_seconds() * 1000)
        self._take_script = redis.register_script(TAKE)
        self._save_script = redis.register_script(SAVE_AND_RELEASE)
        self._holds: dict[ConversationKey, _Hold] = {}

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        """Returns the chat's saved state, or None for a new (or expired) chat."""
        hold = self._held(key)
        if hold is None:
            return await self._plain.get(key)
        return decode_state(hold.raw, key)  # a fresh dict on every call, as a GET gives

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        """Saves the chat's state (when its lock is let go, if held) and restarts its timer."""
        hold = self._held(key)
        if hold is None:
            await self._plain.set(key, state)
            return
        hold.raw = hold.saving = encode_state(state)  # encoded now: later edits don't leak

    def _held(self, key: ConversationKey) -> _Hold | None:
        hold = self._holds.get(key)
        return hold if hold is not None and hold.task is asyncio.current_task() else None

    async def _take(self, key: ConversationKey, name: str, token: str) -> bool:
        got = await self._take_script(
            keys=[name, state_name(self._prefix, key)], args=[token, self._ttl_ms]
        )
        if got is None:
            return False
        # One turn of a chat at a time in this process (the local queue): one hold per key.
        self._holds[key] = _Hold(asyncio.current_task(), got[0])
        return True

    async def _let_go(self, key: ConversationKey, name: str, token: str) -> None:
        hold = self._holds.pop(key, None)
        if hold is None or hold.saving is None:
            await super()._let_go(key, name, token)
            return
        try:
            released = await self._save_script(
                keys=[state_name(self._prefix, key), name],
                args=[hold.saving, self._state_ms, token],
            )
        except RedisError:
            # Maybe not saved: raise as a failed save does, but free the chat if Redis can.
            await super()._let_go(key, name, token)
            raise
        self._check_released(key, released)
