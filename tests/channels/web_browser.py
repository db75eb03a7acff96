"""Debian's headless Chromium for the web chat's browser tests (never a downloaded browser)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from tests.db_servers import in_ci

CHROMIUM = os.environ.get("OCOPBOT_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE = {"width": 375, "height": 667}


def need_chromium() -> None:
    """Skips without Chromium, except under CI=true, where the browser test is required."""
    if os.path.exists(CHROMIUM):
        return
    message = f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)"
    if in_ci():
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """Launches Debian's Chromium headless through Playwright."""
    need_chromium()
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


@asynccontextmanager
async def served(channel: Any) -> AsyncIterator[str]:
    """The web chat of ``channel`` on a loopback port; yields its base URL."""
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    app = web.Application()
    channel.setup(app)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/"))
    finally:
        await server.close()


async def open_page(browser: Any, url: str, **context_options: Any) -> Any:
    """Opens ``url`` on a 375 px phone screen; ``page.errors`` collects script errors."""
    context = await browser.new_context(viewport=PHONE, **context_options)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    await page.goto(url)
    return page
