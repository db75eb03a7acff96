"""Long polling that reads raw update JSON, so one malformed update cannot stall the bot.

aiogram's own polling parses a whole getUpdates batch at once: a single update it cannot
parse makes it retry the same batch forever. Here the offset advances past every update
and each one is parsed (and, if need be, skipped) on its own.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import TelegramMethod
from aiogram.utils.backoff import Backoff, BackoffConfig

logger = logging.getLogger(__name__)

BACKOFF = BackoffConfig(min_delay=1.0, max_delay=60.0, factor=1.5, jitter=0.1)


class GetRawUpdates(TelegramMethod[list[dict[str, Any]]]):
    """getUpdates, answered as plain dicts instead of parsed `Update`s."""

    __returning__ = list[dict[str, Any]]
    __api_method__ = "getUpdates"

    offset: int | None = None
    limit: int | None = None
    timeout: int | None = None
    allowed_updates: list[str] | None = None


class Poller:
    """Fetches updates forever (until cancelled) and hands each raw one to `feed`."""

    def __init__(
        self,
        bot: Bot,
        feed: Callable[[Any], None],
        allowed_updates: list[str],
        timeout: int = 25,
        backoff: BackoffConfig = BACKOFF,
    ) -> None:
        self._bot = bot
        self._feed = feed
        self._allowed = allowed_updates
        self._timeout = timeout
        self._backoff = backoff

    async def run(self) -> None:
        """Polls until cancelled; errors are logged and retried with backoff."""
        request = GetRawUpdates(timeout=self._timeout, allowed_updates=self._allowed)
        backoff = Backoff(self._backoff)
        while True:
            try:
                batch = await self._bot(request, request_timeout=self._timeout + 15)
            except TelegramRetryAfter as exc:
                await asyncio.sleep(exc.retry_after)
                continue
            except Exception as exc:  # polling must go on whatever happens
                reason = f"{type(exc).__name__}: {exc}".replace(self._bot.token, "<token>")
                logger.error(
                    "getUpdates failed (%s); retrying in %.1fs", reason, backoff.next_delay
                )
                await backoff.asleep()
                continue
            backoff.reset()
            for raw in batch:
                update_id = raw.get("update_id")
                if isinstance(update_id, int):
                    request.offset = max(request.offset or 0, update_id + 1)
                self._feed(raw)
