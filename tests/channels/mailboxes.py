"""Started mailboxes of every kind for the mailbox tests: memory, Redis, SQLite, PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from redis import Redis as SyncRedis
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.web import Mailbox, MemoryMailbox
from bot.channels.web.mailbox import Pushed
from bot.channels.web.redis_mailbox import RedisMailbox
from bot.channels.web.sql_mailbox import SqlMailbox
from catalog.db import make_engine, upgrade
from tests.db_servers import REDIS_URL, fresh_postgres, sqlite_url, unavailable

#: Builds a started mailbox of the kind under test; ``restarted`` ones share its storage.
MakeMailbox = Callable[..., Awaitable[Mailbox]]
KINDS = ["memory", "redis", "sqlite", "postgres"]


class RedisClients:
    """Hands out Redis clients on the test database and closes them all at the end."""

    def __init__(self) -> None:
        try:
            SyncRedis.from_url(REDIS_URL, socket_timeout=3).ping()
        except (RedisError, OSError) as exc:
            unavailable(f"Redis at {REDIS_URL}", exc.__class__.__name__)
        self.clients: list[Redis] = []
        self.prefix = f"ocopbot-test:{uuid.uuid4().hex[:8]}"

    def client(self) -> Redis:
        self.clients.append(Redis.from_url(REDIS_URL))
        return self.clients[-1]

    def mailbox(self, limit: int = 50) -> RedisMailbox:
        return RedisMailbox(self.client(), limit=limit, prefix=self.prefix)

    async def aclose(self) -> None:
        if self.clients:
            keys = await self.clients[0].keys(f"{self.prefix}:*")
            if keys:
                await self.clients[0].delete(*keys)
        for client in self.clients:
            await client.aclose()


@asynccontextmanager
async def mailboxes(kind: str, tmp_path: Path) -> AsyncIterator[MakeMailbox]:
    """Yields a factory of started mailboxes of one kind, sharing one store (a Redis key
    prefix, a database); closes them all afterwards."""
    made: list[Mailbox] = []
    redis = RedisClients() if kind == "redis" else None
    async with _database(kind, tmp_path) as db:

        async def make(limit: int = 50) -> Mailbox:
            box: Mailbox
            if redis is not None:
                box = redis.mailbox(limit)
            elif db is not None:
                box = SqlMailbox(db, limit=limit, recheck=0.2)
            else:
                box = MemoryMailbox(limit)
            await box.start()
            made.append(box)
            return box

        try:
            yield make
        finally:
            for box in made:
                await box.close()
            if redis is not None:
                await redis.aclose()


@asynccontextmanager
async def _database(kind: str, tmp_path: Path) -> AsyncIterator[AsyncEngine | None]:
    if kind not in ("sqlite", "postgres"):
        yield None
        return
    async with _url(kind, tmp_path) as url:
        db = make_engine(url)
        try:
            await upgrade(db)
            yield db
        finally:
            await db.dispose()


@asynccontextmanager
async def _url(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield sqlite_url(tmp_path)
        return
    async with fresh_postgres() as url:
        yield url


def texts(pushed: list[Pushed]) -> list[str]:
    return [p.message["text"] for p in pushed]
