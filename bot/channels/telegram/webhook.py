"""The webhook endpoint: aiogram's secret check, then the channel's own safe feeding."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.channels import safe_json
from bot.channels.inbox_feed import feed_then_answer

logger = logging.getLogger(__name__)

# Telegram's updates may pass a small web-chat body limit (4096 characters escaped as \uXXXX);
# the body is only read after the secret matched.
MAX_UPDATE_BYTES = 1024**2


class WebhookHandler(SimpleRequestHandler):
    """Answers 401 to a wrong X-Telegram-Bot-Api-Secret-Token (aiogram's check), and 200
    at once to everything else; updates are processed in the background by `feed`.

    A body that is not JSON is logged and acknowledged, so Telegram does not resend it.
    """

    def __init__(
        self, dispatcher: Dispatcher, bot: Bot, secret_token: str, feed: Callable[[Any], Any]
    ) -> None:
        super().__init__(dispatcher, bot, handle_in_background=True, secret_token=secret_token)
        self._feed = feed

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        """Compares bytes, so a header with non-ASCII (or 0xff) bytes is a plain mismatch."""
        given = telegram_secret_token.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self.secret_token.encode())

    async def _handle_request_background(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            raw = safe_json.loads(await request.clone(client_max_size=MAX_UPDATE_BYTES).read())
        except web.HTTPRequestEntityTooLarge:
            logger.warning("webhook: a body over %d bytes, refused", MAX_UPDATE_BYTES)
            return web.json_response({}, status=413)
        except safe_json.UnsafeJson as exc:
            logger.warning("webhook: a body that is not JSON we take (%s), ignored", exc.reason)
            return web.json_response({})
        return await feed_then_answer(self._feed, raw, "telegram", web.json_response({}))

    def mount(self, app: web.Application, path: str) -> None:
        """Adds the POST route (the app must not be started yet)."""
        app.router.add_post(path, self.handle)
