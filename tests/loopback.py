"""Serves an aiohttp app on a free port of 127.0.0.1, for fake servers in tests."""

from __future__ import annotations

from typing import Any

from aiohttp import web


async def serve_on_loopback(app: web.Application, **options: Any) -> tuple[web.AppRunner, str]:
    """Starts `app` on 127.0.0.1 with a port the OS picks.

    Args:
        app: the application to serve.
        options: passed to `web.AppRunner` (e.g. handler_cancellation=True).

    Returns:
        The runner (clean it up when done) and the base URL, "http://127.0.0.1:PORT".
    """
    runner = web.AppRunner(app, **options)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"
