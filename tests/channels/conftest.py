"""Fixtures shared by the channel tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web

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
