"""Long polling with getUpdates; errors are logged (token masked) and retried with backoff."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from bot.channels.zalo_bot.api import NO_UPDATES, ZaloBotApi
from bot.channels.zalo_bot.errors import QuotaExceeded, ZaloApiError

logger = logging.getLogger(__name__)
WEBHOOK_ACTIVE = 409  # getUpdates while a webhook is set


class Poller:
    """Fetches events until cancelled and hands each raw one to `feed`."""

    def __init__(
        self,
        api: ZaloBotApi,
        feed: Callable[[Any], None],
        timeout: int = 30,
        min_delay: float = 1.0,
        max_delay: float = 60.0,
    ) -> None:
        self._api = api
        self._feed = feed
        self._timeout = timeout
        self._min_delay = min_delay
        self._max_delay = max_delay

    async def _delete_webhook(self) -> None:
        try:
            await self._api.call("deleteWebhook")
        except ZaloApiError as exc:
            logger.warning("deleteWebhook failed (%s)", exc)

    async def run(self) -> None:
        """Polls forever; an empty long poll (408) is normal, anything else backs off."""
        params = {"timeout": str(self._timeout)}
        delay = self._min_delay
        while True:
            try:
                result = await self._api.call("getUpdates", params, timeout=self._timeout + 15)
            except QuotaExceeded as exc:
                await asyncio.sleep(exc.retry_after or delay)
                continue
            except ZaloApiError as exc:
                if exc.code == NO_UPDATES:
                    continue
                logger.error("getUpdates failed (%s); retrying in %.1fs", exc, delay)
                if exc.code == WEBHOOK_ACTIVE:  # set again since start-up: polling wins
                    await self._delete_webhook()
                await asyncio.sleep(delay)
                delay = min(self._max_delay, delay * 2)
                continue
            delay = self._min_delay
            for event in result if isinstance(result, list) else [result]:
                if event:
                    self._feed(event)
