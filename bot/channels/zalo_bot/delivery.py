"""Retries for outgoing calls: quota errors are waited out however often they come (a ping
is never dropped), network faults and 5xx are retried a few times, and a token bucket keeps
the pace below the platform's limits. Shared by both Zalo channels."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.channels.zalo_bot.errors import QuotaExceeded, TransientError

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Delays in seconds; transient faults give up after `max_attempts`, quota never."""

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    quota_delay: float = 1.0
    quota_max_delay: float = 60.0
    rate: float = 20.0  # calls per second, all chats together
    burst: float = 20.0


class Pacer:
    """A token bucket: `rate` calls per second with bursts of `burst`, first come first served."""

    def __init__(self, rate: float, burst: float) -> None:
        self._rate = rate
        self._burst = burst
        self._tokens = burst
        self._stamp: float | None = None
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                if self._stamp is not None:
                    elapsed = (now - self._stamp) * self._rate
                    self._tokens = min(self._burst, self._tokens + elapsed)
                self._stamp = now
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self._rate)


class Retrier:
    """Runs calls within the pace and the retry policy."""

    def __init__(self, policy: RetryPolicy | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self._pacer = Pacer(self.policy.rate, self.policy.burst)

    async def run(self, what: str, call: Callable[[], Awaitable[T]]) -> T:
        """Calls `call()` until it succeeds, a quota error is waited out each time.

        Raises:
            TransientError: after `max_attempts` network faults or 5xx in a row.
            ZaloApiError: at once, for a refusal that retrying cannot fix.
        """
        policy = self.policy
        faults = quotas = 0
        while True:
            await self._pacer.acquire()
            try:
                return await call()
            except QuotaExceeded as exc:
                quotas += 1
                backoff = policy.quota_delay * 2 ** min(quotas - 1, 16)
                delay = exc.retry_after or min(policy.quota_max_delay, backoff)
                logger.warning("%s: quota exceeded (%s), retrying in %.1fs", what, exc.code, delay)
            except TransientError as exc:
                faults += 1
                if faults >= policy.max_attempts:
                    raise
                delay = min(policy.max_delay, policy.base_delay * 2 ** (faults - 1))
                logger.warning(
                    "%s failed (%s), attempt %d, retrying in %.1fs", what, exc, faults, delay
                )
            await asyncio.sleep(delay)
