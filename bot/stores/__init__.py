"""Shared stores for running several processes: conversation state and locks in Redis.

The core only knows the StateStore and LockProvider protocols; this package implements
them on Redis, and the composition root picks them when ``redis.url`` is set::

    redis = await connect_redis(settings.redis.url)   # pings; StoreUnavailable if down
    store = RedisStateStore(redis, prefix="ocopbot", ttl=timedelta(days=30))
    locks = RedisLocks(redis, prefix="ocopbot")
    ...
    await redis.aclose()

De-duplication stays in SQL (``SqlDeduplicator``): every process already shares it.
"""

from bot.stores.redis_client import StoreUnavailable, connect_redis, redacted_url
from bot.stores.redis_locks import RedisLocks
from bot.stores.redis_state import RedisStateStore

__all__ = ["RedisLocks", "RedisStateStore", "StoreUnavailable", "connect_redis", "redacted_url"]
