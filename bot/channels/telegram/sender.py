"""Calls the Bot API within the rate limits, honouring 429s and retrying transient faults."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod

from bot.channels.telegram.ratelimit import RateLimiter

logger = logging.getLogger(__name__)

TRANSIENT = (TelegramNetworkError, TelegramServerError, ClientDecodeError)


class Sender:
    """Sends messages one chat at a time, in order, never faster than the limiter allows.

    A 429 is waited out for its `retry_after` and the same message retried, however often
    it comes. Network errors, 5xx and garbled answers are retried with exponential backoff
    up to `max_attempts`, then raised. Other API errors (blocked bot, bad request) raise.
    """

    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter | None = None,
        max_attempts: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 30.0,
    ) -> None:
        self._bot = bot
        self._limiter = limiter or RateLimiter()
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._chat_locks: dict[str, asyncio.Lock] = {}
        self._chat_users: dict[str, int] = {}

    def describe(self, exc: BaseException) -> str:
        """The error's type and message, with the bot token masked should it appear."""
        return f"{type(exc).__name__}: {exc}".replace(self._bot.token, "<token>")

    @asynccontextmanager
    async def chat(self, chat_id: str) -> AsyncIterator[None]:
        """Holds the chat's turn, so messages to one chat never interleave."""
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        self._chat_users[chat_id] = self._chat_users.get(chat_id, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._chat_users[chat_id] -= 1
            if not self._chat_users[chat_id]:
                del self._chat_users[chat_id], self._chat_locks[chat_id]

    async def deliver(self, chat_id: str, methods: Sequence[TelegramMethod[Any]]) -> None:
        """Sends messages to one chat in order, each counted against the rate limits."""
        async with self.chat(chat_id):
            for method in methods:
                await self.call(method, chat_id=chat_id)

    async def call(self, method: TelegramMethod[Any], chat_id: str | None = None) -> Any:
        """Calls one API method; with a chat_id it also waits for the rate limiters.

        Callers holding `chat(chat_id)` use this directly for message-by-message control.
        """
        attempt = 0
        while True:
            if chat_id is not None:
                await self._limiter.acquire(chat_id)
            try:
                return await self._bot(method)
            except TelegramRetryAfter as exc:
                logger.warning(
                    "%s: flood limit, retrying in %ss", method.__api_method__, exc.retry_after
                )
                await asyncio.sleep(exc.retry_after)
            except TRANSIENT as exc:
                attempt += 1
                if attempt >= self._max_attempts:
                    raise
                delay = min(self._max_delay, self._base_delay * 2 ** (attempt - 1))
                logger.warning(
                    "%s failed (%s), attempt %d, retrying in %.1fs",
                    method.__api_method__,
                    type(exc).__name__,
                    attempt,
                    delay,
                )
                await asyncio.sleep(delay)
