"""ZaloBotChannel: the Zalo Bot Platform by polling or webhook, answered through the engine."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

import aiohttp
from aiohttp import web

from bot.channels.inbox import WebhookInbox
from bot.channels.inbox_feed import webhook_feed
from bot.channels.zalo_bot.api import ZaloBotApi
from bot.channels.zalo_bot.convert import to_message, unwrap
from bot.channels.zalo_bot.delivery import Retrier, RetryPolicy
from bot.channels.zalo_bot.errors import ZaloApiError
from bot.channels.zalo_bot.polling import Poller
from bot.channels.zalo_bot.queue import ChatLocks, ChatQueue
from bot.channels.zalo_bot.render import render
from bot.channels.zalo_bot.webhook import BotWebhook
from bot.config import ZaloBotSettings
from bot.core.messages import ConversationKey, IncomingMessage, Reply

logger = logging.getLogger(__name__)


class MessageHandler(Protocol):
    """The engine as a text-only adapter sees it; `handle` never raises."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]: ...

    async def remember_options(self, key: ConversationKey, replies: list[Reply]) -> None: ...


class ZaloBotChannel:
    """The Zalo Bot transport: receives events, answers through the engine, delivers pings.

    Args:
        settings: the `zalo_bot` section (a token is required).
        engine: anything with `async handle(IncomingMessage) -> list[Reply]`.
        policy: retries and pace of outgoing calls.
        poll_timeout: long-polling wait in seconds.
        typing_after: show "typing…" when the engine takes longer than this.
    """

    name = "zalo_bot"

    def __init__(
        self,
        settings: ZaloBotSettings,
        engine: MessageHandler,
        *,
        policy: RetryPolicy | None = None,
        poll_timeout: int = 30,
        typing_after: float = 0.5,
        inbox: WebhookInbox | None = None,
    ) -> None:
        if settings.token is None:
            raise ValueError("zalo_bot.token is not set (OCOPBOT_ZALO_BOT__TOKEN)")
        self._settings = settings
        self._engine = engine
        self._http: aiohttp.ClientSession | None = None
        self.api = ZaloBotApi(self._session, settings.api_base, settings.token.get_secret_value())
        self._retrier = Retrier(policy)
        self._poll_timeout = poll_timeout
        self._typing_after = typing_after
        self.queue = ChatQueue()
        self._chat_locks = ChatLocks()
        self._task: asyncio.Task[None] | None = None
        self._inbox = inbox  # webhook events are recorded before the 200

    async def _session(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
        return self._http

    async def start(self, app: web.Application | None = None) -> None:
        """Starts receiving; returns at once, talking to the platform in the background.

        Webhook mode mounts the route on `app` (call this before the app starts) and, when
        webhook_url is set, registers it with the secret. Polling mode polls getUpdates.
        """
        settings = self._settings
        poll = settings.mode == "polling"
        if not poll:
            if app is None or settings.webhook_secret is None:
                raise ValueError("zalo_bot webhook mode needs the web app and webhook_secret")
            feed = await webhook_feed(self._inbox, self.name, self.feed)
            hook = BotWebhook(settings.webhook_secret.get_secret_value(), feed)
            hook.mount(app, settings.webhook_path)
        self._task = asyncio.create_task(self._run(poll), name="zalo_bot")
        logger.info("zalo_bot: %s", "polling" if poll else f"webhook at {settings.webhook_path}")

    async def _run(self, poll: bool) -> None:
        """Says hello, registers the webhook (retried until it works), or deletes any
        webhook and polls."""
        try:
            me = await self.api.call("getMe")
            logger.info("zalo_bot: running as %s", (me or {}).get("account_name", "?"))
        except ZaloApiError as exc:
            logger.error("zalo_bot getMe failed: %s", self.api.mask(str(exc)))
        settings = self._settings
        if not poll and settings.webhook_url and settings.webhook_secret is not None:
            params = {
                "url": settings.webhook_url,
                "secret_token": settings.webhook_secret.get_secret_value(),
            }
            await self._insist("setWebhook", params)
        if poll:
            # The platform refuses getUpdates while a webhook is set (once one ever was);
            # the poller deletes it again should getUpdates still meet one (409).
            try:
                await self._retrier.run("deleteWebhook", lambda: self.api.call("deleteWebhook"))
            except ZaloApiError as exc:
                logger.warning("zalo_bot deleteWebhook failed (%s)", self.api.mask(str(exc)))
            await Poller(self.api, self.feed, timeout=self._poll_timeout).run()

    async def _insist(self, method: str, params: dict[str, Any], delay: float = 1.0) -> None:
        while True:
            try:
                await self._retrier.run(method, lambda: self.api.call(method, params))
                return
            except ZaloApiError as exc:
                logger.error("zalo_bot %s failed (%s); retrying", method, self.api.mask(str(exc)))
                await asyncio.sleep(delay)
                delay = min(60.0, delay * 2)

    async def stop(self) -> None:
        """Stops polling, lets running events finish, closes the HTTP session."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.queue.close()
        if self._http is not None:
            await self._http.close()

    def feed(self, raw: Any) -> asyncio.Task[None] | None:
        """Schedules one raw event (webhook body or polled event); bad ones are skipped."""
        incoming = to_message(unwrap(raw))
        if incoming is None:
            return None
        return self.queue.submit(incoming.chat_id, lambda: self._answer(incoming))

    async def _answer(self, incoming: IncomingMessage) -> None:
        task = asyncio.create_task(self._engine.handle(incoming))
        done, _ = await asyncio.wait({task}, timeout=self._typing_after)
        if not done:
            with contextlib.suppress(ZaloApiError):
                action = {"chat_id": incoming.chat_id, "action": "typing"}
                await self.api.call("sendChatAction", action)
        replies = await task
        try:
            await self._deliver(incoming.chat_id, replies)
        except ZaloApiError as exc:
            logger.error("zalo_bot: could not answer a chat: %s", self.api.mask(str(exc)))

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        """Delivers outbox messages; raises if refused for good. Their numbered options
        are remembered, so the person can answer "1"."""
        await self._deliver(chat_id, replies)
        await self._engine.remember_options(ConversationKey(self.name, chat_id), replies)

    async def _deliver(self, chat_id: str, replies: list[Reply]) -> None:
        """Sends replies to a chat in order, never interleaved with another delivery."""
        async with self._chat_locks.hold(chat_id):
            for call in render(chat_id, replies):
                what = f"zalo_bot {call.method}"
                await self._retrier.run(what, lambda c=call: self.api.call(c.method, c.params))
