"""Redis for the scale-out tests: a fresh key prefix per test, its keys removed afterwards."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from tests.db_servers import REDIS_URL, unavailable


class RedisServer:
    """Clients on the test Redis database (each one a 'process'), all sharing one key prefix."""

    def __init__(self) -> None:
        self.prefix = f"ocopbot-test:{uuid.uuid4().hex[:10]}"
        self.clients: list[Redis] = []

    def client(self) -> Redis:
        """A new connection pool, as another process would have."""
        self.clients.append(Redis.from_url(REDIS_URL))
        return self.clients[-1]

    async def keys(self, pattern: str = "*") -> list[str]:
        found = [key async for key in self.clients[0].scan_iter(f"{self.prefix}:{pattern}")]
        return sorted(k.decode() for k in found)

    async def aclose(self) -> None:
        keys = [key async for key in self.clients[0].scan_iter(f"{self.prefix}:*")]
        if keys:
            await self.clients[0].delete(*keys)
        for client in self.clients:
            await client.aclose()


@pytest.fixture
async def redis_server() -> AsyncIterator[RedisServer]:
    """The test Redis with a per-test key prefix; skips (or fails in CI) without a server."""
    server = RedisServer()
    try:
        await server.client().ping()
    except (RedisError, OSError) as exc:
        await server.clients[0].aclose()
        unavailable(f"Redis at {REDIS_URL}", exc.__class__.__name__)
    yield server
    await server.aclose()
