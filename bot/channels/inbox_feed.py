"""How a webhook hands an update to its channel: through the durable inbox, then 200."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.channels.inbox import Feed, WebhookInbox

logger = logging.getLogger(__name__)


async def webhook_feed(
    inbox: WebhookInbox | None, channel: str, feed: Feed
) -> Callable[[Any], Any]:
    """What a channel's webhook should call: with an inbox, first re-runs what a crash left
    unprocessed, then records each update before the 200; without one, ``feed`` itself."""
    if inbox is None:
        return feed
    await inbox.recover(channel, feed)
    return inbox.durable(channel, feed)


async def feed_then_answer(
    feed: Callable[[Any], Any], body: Any, channel: str, ok: web.Response
) -> web.Response:
    """Runs a webhook's feed (awaiting a durable one) and answers ``ok`` only once it is done;
    503 if the update could not be recorded, so the platform sends it again."""
    try:
        result = feed(body)
        if inspect.iscoroutine(result):  # a durable feed; a plain one returns its Task
            await result
    except Exception as exc:
        logger.error(
            "%s webhook: could not record an update (%s); answered 503",
            channel,
            exc.__class__.__name__,
        )
        return web.json_response({"ok": False}, status=503)
    return ok
