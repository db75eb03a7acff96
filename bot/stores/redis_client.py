"""Opening the shared Redis client at start-up, with a clear error when it is not there."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """A shared store the configuration names cannot be reached at start-up."""


def redacted_url(url: str) -> str:
    """The URL without its password, fit for logs and error messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return parts._replace(netloc=f"{user}:***@{host}{port}").geturl()


async def connect_redis(url: str, *, timeout: float = 5.0) -> Redis:
    """Opens a client on ``url`` and checks that the server answers.

    Args:
        url: redis://, rediss:// or unix:// URL (validated by the settings).
        timeout: seconds for connecting and for each command's socket wait.

    Returns:
        A client the caller closes with ``aclose()``.

    Raises:
        StoreUnavailable: the server did not answer a PING; the message has no password.
    """
    redis = Redis.from_url(
        url, socket_connect_timeout=timeout, socket_timeout=timeout, health_check_interval=30
    )
    try:
        await redis.ping()
    except (RedisError, OSError) as exc:
        await redis.aclose()
        raise StoreUnavailable(
            f"Redis at {redacted_url(url)} is not reachable ({exc.__class__.__name__}); "
            "start it or unset redis.url"
        ) from None
    logger.info("conversation state and locks in Redis at %s", redacted_url(url))
    return redis
