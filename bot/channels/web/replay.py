"""Idempotent POSTs: a retried message id gets the first attempt's replies again."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

logger = logging.getLogger(__name__)

Result = list[dict[str, Any]]


class ReplayCache:
    """Remembers the rendered replies of the last ``size`` (chat, client id) pairs.

    A retry that arrives while the first attempt is running in this process waits for it
    instead of running twice (attempts still running are never forgotten); a retry after
    a restart, on another process, or of a message answered more than ``size`` messages
    ago gets the replies the engine kept with its de-duplication record (ChatApi asks it).
    The size is kept small because rendered replies are large: about 4 KiB a message in
    bench/chat_bench.py's mix (a checkout summary is 2 KiB of text alone), so 10,000 of
    them held some 40 MiB of a serving process that starts at about 100 MiB.
    """

    def __init__(self, size: int = 1_000) -> None:
        self._size = size
        self._running: dict[str, asyncio.Future[Result]] = {}
        self._results: OrderedDict[str, asyncio.Future[Result]] = OrderedDict()

    async def run(self, key: str, compute: Callable[[], Awaitable[Result]]) -> Result:
        """Returns the cached result for ``key``, or computes and caches it."""
        future = self._running.get(key) or self._results.get(key)
        if future is not None:
            if key in self._results:
                self._results.move_to_end(key)
            try:
                return await asyncio.shield(future)
            except asyncio.CancelledError:
                if future.cancelled():
                    raise RuntimeError("the first attempt of this message was cancelled") from None
                raise
        future = asyncio.get_running_loop().create_future()
        self._running[key] = future
        try:
            result = await compute()
        except BaseException as exc:
            # A failed attempt must not poison retries: forget it so the next one runs.
            if isinstance(exc, asyncio.CancelledError):
                future.cancel()
            else:
                future.set_exception(exc)
                future.exception()  # mark retrieved; waiters still receive it
            raise
        finally:
            del self._running[key]
        future.set_result(result)
        self._results[key] = future
        while len(self._results) > self._size:
            self._results.popitem(last=False)
        return result
