"""The webhook endpoint: the secret header must match, then every body gets 200 at once and
is processed in the background (so the platform never retries a bad event forever)."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.channels import safe_json
from bot.channels.inbox_feed import feed_then_answer

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"
# Events may pass the web chat's small body limit; the body is read after the secret matched.
MAX_EVENT_BYTES = 1024**2


class BotWebhook:
    """401 for a missing or wrong secret; otherwise 200, and `feed(raw_json)`."""

    def __init__(self, secret: str, feed: Callable[[Any], Any]) -> None:
        if not secret:
            raise ValueError("the Zalo Bot webhook needs a secret")
        self._secret = secret.encode()
        self._feed = feed

    async def handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self._secret):
            logger.warning("zalo_bot webhook: wrong or missing secret from %s", request.remote)
            return web.json_response({"ok": False}, status=401)
        try:
            raw = safe_json.loads(await request.clone(client_max_size=MAX_EVENT_BYTES).read())
        except web.HTTPRequestEntityTooLarge:
            logger.warning("zalo_bot webhook: a body over %d bytes, refused", MAX_EVENT_BYTES)
            return web.json_response({"ok": False}, status=413)
        except safe_json.UnsafeJson as exc:
            logger.warning("zalo_bot webhook: not JSON we take (%s), ignored", exc.reason)
            return web.json_response({"ok": True})
        return await feed_then_answer(self._feed, raw, "zalo_bot", web.json_response({"ok": True}))

    def mount(self, app: web.Application, path: str) -> None:
        """Adds the POST route (the app must not be started yet)."""
        app.router.add_post(path, self.handle)
