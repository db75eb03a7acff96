"""WebChannel: the web chat as a Channel, mounted on a shared aiohttp application."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from aiohttp import web

from bot.channels.web import page
from bot.channels.web.api import ChatApi
from bot.channels.web.codec import render_reply
from bot.channels.web.http import json_errors, preflight
from bot.channels.web.mailbox import Mailbox, MemoryMailbox
from bot.channels.web.protocols import ChatEngine, SessionStore
from bot.channels.web.ratelimit import RateLimiter
from bot.channels.web.sessions import CHANNEL
from bot.channels.web.transcript import MemoryTranscript, Transcript, bot_entries
from bot.config import WebSettings
from bot.core.messages import Reply

logger = logging.getLogger(__name__)


class WebChannel:
    """The web chat: a JSON API, a long poll for pushed messages and the chat page.

    Usage in the composition root::

        channel = WebChannel(engine, settings.web, SqlSessionStore(db_engine))
        channel.setup(app)  # the same app may also serve Telegram/Zalo webhooks

    With several processes, pass ``mailbox=RedisMailbox(redis)`` so a message sent by any
    process reaches the long poll waiting in any other. Pass
    ``transcript=SqlTranscript(db_engine)`` so the page shows the conversation again after a
    reload or a restart (``GET /api/chat/history``).
    """

    name = CHANNEL

    def __init__(
        self,
        engine: ChatEngine,
        settings: WebSettings,
        sessions: SessionStore,
        *,
        mailbox: Mailbox | None = None,
        transcript: Transcript | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._mailbox = mailbox or MemoryMailbox()
        self._transcript = transcript or MemoryTranscript()
        limiter = RateLimiter(settings.rate_per_minute, clock=clock)
        self._api = ChatApi(engine, settings, sessions, self._mailbox, limiter, self._transcript)

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        """Queues replies for a chat's long poll and wakes it (the Channel protocol)."""
        ids = await self._mailbox.put(chat_id, [render_reply(reply) for reply in replies])
        # The history keeps each push's id: a page reloaded while the push also waited for
        # its poll shows it once.
        shown = zip(bot_entries(replies), ids, strict=True)
        entries = [{**entry, "id": id_} for entry, id_ in shown]
        try:
            await self._transcript.append(chat_id, entries)
        except Exception:  # delivered already; only a later reload would miss it
            logger.exception("web chat: could not keep a pushed message of web:%s", chat_id)

    def setup(self, app: web.Application) -> None:
        """Adds the chat API, the page and /healthz (unless present) to ``app``."""
        router = app.router
        router.add_post("/api/chat/session", json_errors(self._api.create_session))
        router.add_post("/api/chat/messages", json_errors(self._api.post_message))
        router.add_get("/api/chat/updates", json_errors(self._api.get_updates))
        router.add_get("/api/chat/history", json_errors(self._api.get_history))
        paths = ("session", "messages", "updates", "history")
        for path in (f"/api/chat/{name}" for name in paths):
            router.add_route("OPTIONS", path, preflight)
        router.add_get("/", page.index)
        router.add_get("/static/{name}", page.static_file)
        if not page.has_route(app, "/healthz"):
            router.add_get("/healthz", page.healthz)
        app.on_startup.append(self._on_startup)
        app.on_shutdown.append(self._on_shutdown)

    async def _on_startup(self, app: web.Application) -> None:
        await self._mailbox.start()

    async def _on_shutdown(self, app: web.Application) -> None:
        # Long polls would otherwise hold the shutdown for up to 25 seconds.
        await self._mailbox.close()
