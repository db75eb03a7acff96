"""Token buckets that keep outgoing messages within Telegram's published limits."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Messages per second and burst sizes (Telegram: ~30/s overall, ~1/s per chat,
    ~20/min per group)."""

    overall_rate: float = 30.0
    overall_burst: float = 30.0
    chat_rate: float = 1.0
    chat_burst: float = 3.0
    group_rate: float = 20 / 60
    group_burst: float = 3.0


class TokenBucket:
    """Lets `rate` acquisitions per second through, with bursts of up to `burst`."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = burst
        self._stamp: float | None = None
        self._lock = asyncio.Lock()

    def _refill(self, now: float) -> None:
        if self._stamp is not None:
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def idle(self, now: float) -> bool:
        """True when the bucket is full again, i.e. indistinguishable from a new one."""
        self._refill(now)
        return self._tokens >= self.burst and not self._lock.locked()

    async def acquire(self) -> None:
        """Waits for a token and takes it; waiters are served first come, first served."""
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                self._refill(loop.time())
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self.rate)


class RateLimiter:
    """One bucket for everything plus one per chat; group chats get the slower rate."""

    def __init__(self, limits: RateLimits | None = None, max_idle_chats: int = 10_000) -> None:
        self.limits = limits or RateLimits()
        self._overall = TokenBucket(self.limits.overall_rate, self.limits.overall_burst)
        self._chats: dict[str, TokenBucket] = {}
        self._max_idle_chats = max_idle_chats

    def _bucket(self, chat_id: str) -> TokenBucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) >= self._max_idle_chats:
                self._forget_idle()
            limits = self.limits
            group = chat_id.startswith("-")
            bucket = TokenBucket(
                limits.group_rate if group else limits.chat_rate,
                limits.group_burst if group else limits.chat_burst,
            )
            self._chats[chat_id] = bucket
        return bucket

    def _forget_idle(self) -> None:
        now = asyncio.get_running_loop().time()
        for chat_id in [c for c, b in self._chats.items() if b.idle(now)]:
            del self._chats[chat_id]

    async def acquire(self, chat_id: str) -> None:
        """Waits until one more message to this chat stays within both limits."""
        await self._bucket(chat_id).acquire()
        await self._overall.acquire()
