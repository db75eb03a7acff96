"""ZaloOAChannel: the Official Account webhook in, customer-service messages out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
from aiohttp import web

from bot.channels.inbox import WebhookInbox
from bot.channels.inbox_feed import webhook_feed
from bot.channels.zalo_bot.channel import MessageHandler
from bot.channels.zalo_bot.delivery import Retrier, RetryPolicy
from bot.channels.zalo_bot.errors import ZaloApiError
from bot.channels.zalo_bot.limits import split_for_zalo
from bot.channels.zalo_bot.queue import ChatLocks, ChatQueue
from bot.channels.zalo_oa.api import OaApi, image_message, text_message
from bot.channels.zalo_oa.auth import Clock, TokenManager, utc_now
from bot.channels.zalo_oa.convert import to_message
from bot.channels.zalo_oa.errors import TokenExpired
from bot.channels.zalo_oa.secrets import app_secret, webhook_secret
from bot.channels.zalo_oa.tokens import OaTokens, TokenStore
from bot.channels.zalo_oa.webhook import OaWebhook
from bot.config import ZaloOASettings
from bot.core.images import Image
from bot.core.messages import ConversationKey, IncomingMessage, Reply
from bot.core.plaintext import render_plain

logger = logging.getLogger(__name__)
T = TypeVar("T")


def initial_tokens(settings: ZaloOASettings) -> OaTokens | None:
    """The tokens given in the environment, if any (the store's newer ones win)."""
    if settings.refresh_token is None:
        return None
    access = settings.access_token.get_secret_value() if settings.access_token else ""
    return OaTokens(access, settings.refresh_token.get_secret_value())


class ZaloOAChannel:
    """The Zalo OA transport.

    Args:
        settings: the `zalo_oa` section (app_id and secret_key are required; oa_secret_key
            checks webhook signatures, falling back to secret_key with a warning).
        engine: anything with `async handle(IncomingMessage) -> list[Reply]`.
        store: where rotated tokens are kept (SqlTokenStore in production).
        policy: retries and pace of outgoing calls.
        clock: aware UTC time, for token expiry.
    """

    name = "zalo_oa"

    def __init__(
        self,
        settings: ZaloOASettings,
        engine: MessageHandler,
        store: TokenStore,
        *,
        policy: RetryPolicy | None = None,
        clock: Clock = utc_now,
        inbox: WebhookInbox | None = None,
    ) -> None:
        if not settings.app_id or settings.secret_key is None:
            raise ValueError("zalo_oa needs app_id and secret_key (OCOPBOT_ZALO_OA__...)")
        self._webhook_secret = webhook_secret(settings)  # warns at start-up when unset
        self._settings = settings
        self._engine = engine
        self._http: aiohttp.ClientSession | None = None
        self._retrier = Retrier(policy)
        self._api = OaApi(self._session, settings.api_base)
        self.tokens = TokenManager(
            app_id=settings.app_id,
            secret_key=app_secret(settings),
            oauth_base=settings.oauth_base,
            session=self._session,
            store=store,
            initial=initial_tokens(settings),
            retrier=self._retrier,
            clock=clock,
        )
        self.queue = ChatQueue()
        self._chat_locks = ChatLocks()
        self._inbox = inbox  # webhook events are recorded before the 200

    async def _session(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
        return self._http

    async def start(self, app: web.Application) -> None:
        """Mounts the webhook on `app` (before the app starts)."""
        settings = self._settings
        assert settings.app_id is not None
        feed = await webhook_feed(self._inbox, self.name, self.feed)
        hook = OaWebhook(settings.app_id, self._webhook_secret, settings.max_age, feed)
        hook.mount(app, settings.webhook_path)
        logger.info("zalo_oa: webhook at %s", settings.webhook_path)

    async def stop(self) -> None:
        """Lets running events finish, closes the HTTP session."""
        await self.queue.close()
        if self._http is not None:
            await self._http.close()

    def feed(self, event: dict[str, Any]) -> asyncio.Task[None] | None:
        """Schedules one verified event; kinds we do not handle are skipped (None)."""
        incoming = to_message(event)
        if incoming is None:
            return None
        return self.queue.submit(incoming.chat_id, lambda: self._answer(incoming))

    async def _answer(self, incoming: IncomingMessage) -> None:
        replies = await self._engine.handle(incoming)
        try:
            await self._deliver_replies(incoming.chat_id, replies)
        except ZaloApiError as exc:
            logger.error("zalo_oa: could not answer a follower: %s", exc)

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        """Delivers outbox messages; raises if refused for good. Their numbered options
        are remembered, so the follower can answer "1"."""
        await self._deliver_replies(chat_id, replies)
        await self._engine.remember_options(ConversationKey(self.name, chat_id), replies)

    async def _deliver_replies(self, chat_id: str, replies: list[Reply]) -> None:
        """Sends replies to a follower in order, never interleaved with another delivery."""
        async with self._chat_locks.hold(chat_id):
            for message in render_plain(replies):
                if message.image is not None:
                    await self._deliver_image(chat_id, message.image)
                if message.text.strip():
                    for chunk in split_for_zalo(message.text):
                        await self._deliver(chat_id, text_message(chunk))

    async def _deliver_image(self, user_id: str, image: Image) -> None:
        """A URL goes in the media template; a PNG is uploaded first, then attached."""
        if image.url is not None:
            await self._deliver(user_id, image_message(url=image.url))
            return
        attachment = await self._with_token(
            "zalo_oa upload/image", lambda token: self._api.upload_image(token, image)
        )
        await self._deliver(user_id, image_message(attachment_id=attachment))

    async def _deliver(self, user_id: str, message: dict[str, Any]) -> None:
        await self._with_token(
            "zalo_oa message/cs", lambda token: self._api.send(token, user_id, message)
        )

    async def _with_token(self, what: str, call: Callable[[str], Awaitable[T]]) -> T:
        """Calls with the current token; an expired one (-216/-220) is re-read or refreshed,
        then the call is retried once."""

        async def attempt() -> T:
            token = await self.tokens.access_token()
            try:
                return await call(token)
            except TokenExpired:
                fresh = await self.tokens.refresh(token)
                return await call(fresh.access_token)

        return await self._retrier.run(what, attempt)
