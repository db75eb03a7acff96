"""TelegramChannel: wires aiogram's Bot and Dispatcher to the engine, by polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError, TelegramMigrateToChat
from aiogram.methods import DeleteWebhook, SetWebhook, TelegramMethod
from aiogram.utils.backoff import BackoffConfig
from aiohttp import web

from bot.channels.inbox import WebhookInbox
from bot.channels.inbox_feed import webhook_feed
from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.feeder import UpdateFeeder
from bot.channels.telegram.handlers import UpdateHandlers
from bot.channels.telegram.polling import Poller
from bot.channels.telegram.protocols import ChatMoved, MessageHandler, ignore_move
from bot.channels.telegram.ratelimit import RateLimiter, RateLimits
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.sender import Sender
from bot.channels.telegram.startup import insist, publish_commands
from bot.channels.telegram.texts import TelegramTexts
from bot.channels.telegram.webhook import WebhookHandler
from bot.config import TelegramSettings
from bot.core.messages import Reply

logger = logging.getLogger(__name__)


class TelegramChannel:
    """The Telegram transport: receives updates, answers through the engine, delivers pings.

    Args:
        settings: the `telegram` settings section (a token is required).
        engine: anything with `async handle(IncomingMessage) -> list[Reply]`.
        limits: outgoing rate limits (Telegram's by default).
        poll_timeout: long-polling wait in seconds.
        retry_delay: first backoff delay for network errors and 5xx (twice that for
            getUpdates and the start-up calls, up to a minute).
        chat_moved: told (old address, new address) when a group became a supergroup.
    """

    name = "telegram"

    def __init__(
        self,
        settings: TelegramSettings,
        engine: MessageHandler,
        *,
        limits: RateLimits | None = None,
        poll_timeout: int = 25,
        retry_delay: float = 0.5,
        chat_moved: ChatMoved = ignore_move,
        inbox: WebhookInbox | None = None,
    ) -> None:
        if settings.token is None:
            raise ValueError("telegram.token is not set (OCOPBOT_TELEGRAM__TOKEN)")
        self._settings = settings
        self._poll_timeout = poll_timeout
        self._backoff = BackoffConfig(
            min_delay=retry_delay * 2, max_delay=60.0, factor=1.5, jitter=retry_delay / 5
        )
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.api_base))
        self.bot = Bot(
            settings.token.get_secret_value(),
            session=session,
            default=DefaultBotProperties(parse_mode=ParseMode.HTML),
        )
        self._texts = TelegramTexts.load()
        codec = CallbackCodec()
        self._sender = Sender(self.bot, RateLimiter(limits), base_delay=retry_delay)
        self._renderer = Renderer(codec, self._texts)
        self._chat_moved = chat_moved
        handlers = UpdateHandlers(
            engine, self._sender, self._renderer, codec, self._texts, chat_moved=chat_moved
        )
        self._dispatcher = Dispatcher(disable_fsm=True)
        self._dispatcher.include_router(handlers.router())
        self._allowed = self._dispatcher.resolve_used_update_types()
        self.feeder = UpdateFeeder(self.bot, self._dispatcher)
        self._task: asyncio.Task[None] | None = None
        self._inbox = inbox  # webhook updates are recorded before the 200
        self.username: str | None = None  # known once getMe answered

    async def start(self, app: web.Application | None = None) -> None:
        """Starts receiving updates; returns at once, talking to Telegram in the background.

        Webhook mode mounts the route on `app` (so call this before the app starts) and
        calls setWebhook with the secret when webhook_url is set. Polling mode deletes any
        webhook and polls. Both publish the command menu. A Telegram outage is logged and
        retried in the background instead of failing the process.
        """
        settings = self._settings
        if settings.mode == "webhook":
            if app is None or settings.webhook_secret is None:
                raise ValueError("telegram webhook mode needs the web app and webhook_secret")
            secret = settings.webhook_secret.get_secret_value()
            feed = await webhook_feed(self._inbox, self.name, self.feeder.feed)
            handler = WebhookHandler(self._dispatcher, self.bot, secret, feed)
            handler.mount(app, settings.webhook_path)
            hook = None
            if settings.webhook_url:
                hook = SetWebhook(
                    url=settings.webhook_url, secret_token=secret, allowed_updates=self._allowed
                )
            self._task = asyncio.create_task(self._run(hook, poll=False), name="telegram")
            logger.info("telegram: webhook at %s", settings.webhook_path)
            return
        delete = DeleteWebhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._run(delete, poll=True), name="telegram")
        logger.info("telegram: polling")

    async def _run(self, hook: TelegramMethod[Any] | None, poll: bool) -> None:
        """Says hello to Telegram, registers the webhook or polls."""
        try:
            me = await self.bot.me()
            self.username = me.username  # the console's invite QR links to t.me/<username>
            logger.info("telegram: running as @%s", me.username)
        except TelegramAPIError as exc:
            logger.error("telegram getMe failed: %s", type(exc).__name__)
        if hook is not None:
            await insist(self._sender, hook, self._backoff)
        await publish_commands(self._sender, self._texts)
        if poll:
            poller = Poller(
                self.bot, self.feeder.feed, self._allowed, self._poll_timeout, self._backoff
            )
            await poller.run()

    async def stop(self) -> None:
        """Stops polling, lets running updates finish, closes the HTTP session."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.feeder.close()
        await self.bot.session.close()

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        """Delivers replies to a chat (outbox pings); raises if Telegram refuses for good.

        A group upgraded to a supergroup answers with its new id: the links move there and
        the replies go to the new chat."""
        methods = [m for reply in replies for m in self._renderer.messages(chat_id, reply)]
        try:
            await self._sender.deliver(chat_id, methods)
        except TelegramMigrateToChat as moved:
            new_id = str(moved.migrate_to_chat_id)
            await self._chat_moved(f"{self.name}:{chat_id}", f"{self.name}:{new_id}")
            methods = [m for reply in replies for m in self._renderer.messages(new_id, reply)]
            await self._sender.deliver(new_id, methods)
