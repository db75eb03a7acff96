"""Conversation state in Redis: one JSON value per chat, forgotten after a long idle spell."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis

from bot.core.messages import ConversationKey

logger = logging.getLogger(__name__)


def state_name(prefix: str, key: ConversationKey) -> str:
    """The Redis key of a chat's state (shared with older processes: never rename it)."""
    # The chat id goes last: it may itself contain colons.
    return f"{prefix}:state:{key.channel}:{key.namespace}:{key.chat_id}"


def encode_state(state: dict[str, Any]) -> str:
    """The stored form of a state: compact JSON, Vietnamese left as it is."""
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def decode_state(raw: bytes | str | None, key: ConversationKey) -> dict[str, Any] | None:
    """A stored state as a fresh dict; None for none, or (warning) for an unreadable one."""
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        logger.warning("unreadable state for a %s chat; starting afresh", key.channel)
        return None
    return data if isinstance(data, dict) else None


class RedisStateStore:
    """Implements bot.core.state.StateStore on Redis, shared by every process.

    Each save renews the expiry, so only conversations idle for ``ttl`` are dropped
    (they start afresh, as a new chat would).

    Args:
        redis: the shared client (the caller closes it).
        prefix: namespace of every key, ``<prefix>:state:<channel>:<namespace>:<chat>``.
        ttl: how long an untouched conversation is kept; None keeps it for ever.
    """

    def __init__(
        self, redis: Redis, *, prefix: str = "ocopbot", ttl: timedelta | None = timedelta(days=30)
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl

    def _key(self, key: ConversationKey) -> str:
        return state_name(self._prefix, key)

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        """Returns the chat's saved state, or None for a new (or expired) chat."""
        return decode_state(await self._redis.get(self._key(key)), key)

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        """Saves the chat's state and restarts its idle timer."""
        await self._redis.set(self._key(key), encode_state(state), px=self._ttl)  # ms: short TTLs
