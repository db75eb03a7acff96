"""Fixtures shared by the channel tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web

from tests.channels.mailboxes import KINDS, MakeMailbox, RedisClients, mailboxes
from tests.loopback import serve_on_loopback


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[web.Application], Awaitable[str]]]:
    """Serves an aiohttp app on loopback and returns its base URL."""
    runners: list[web.AppRunner] = []

    async def start(app: web.Application) -> str:
        runner, url = await serve_on_loopback(app)
        runners.append(runner)
        return url

    yield start
    for runner in runners:
        await runner.cleanup()


@pytest.fixture(
    params=[pytest.param(k, marks=pytest.mark.postgres) if k == "postgres" else k for k in KINDS]
)
async def make_mailbox(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[MakeMailbox]:
    """Builds started mailboxes of one kind (memory, Redis, SQLite, PostgreSQL)."""
    async with mailboxes(request.param, tmp_path) as make:
        yield make


@pytest.fixture
async def redis_clients() -> AsyncIterator[RedisClients]:
    clients = RedisClients()
    yield clients
    await clients.aclose()
