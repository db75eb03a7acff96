"""Shared stores for running several processes: conversation state and locks in Redis.

The core only knows the StateStore and LockProvider protocols; this package implements
them on Redis, and the composition root picks them when ``redis.url`` is set::

    redis = await connect_redis(settings.redis.url)   # pings; StoreUnavailable if down
    both = RedisConversations(redis, prefix="ocopbot", ttl=timedelta(days=30))
    engine = Engine(store=both, locks=both, ...)   # 2 round trips a turn: take, save
    ...
    await redis.aclose()

RedisStateStore and RedisLocks are the same keys one command at a time (4 round trips).

De-duplication stays in SQL (``SqlDeduplicator``): every process already shares it.
"""

from bot.stores.redis_client import StoreUnavailable, connect_redis, redacted_url
from bot.stores.redis_conversations import RedisConversations
from bot.stores.redis_locks import RedisLocks
from bot.stores.redis_state import RedisStateStore

__all__ = [
    "RedisConversations",
    "RedisLocks",
    "RedisStateStore",
    "StoreUnavailable",
    "connect_redis",
    "redacted_url",
]
