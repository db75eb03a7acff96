"""Per-session token buckets: a steady rate per minute with short bursts allowed."""

from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Allows ``per_minute`` messages a minute per key, with bursts of up to ``burst``.

    Buckets of idle keys are forgotten (oldest first) once more than ``max_keys`` exist; a
    forgotten key starts again with a full bucket, which is what it would have refilled to.
    """

    def __init__(
        self,
        per_minute: int,
        burst: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst if burst is not None else max(1, min(per_minute, 10)))
        self._clock = clock
        self.clock = clock
        self._max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def acquire(self, key: str) -> float:
        """Takes one token for ``key``.

        Returns:
            0.0 if the message may go through, else the seconds until a token is free.
        """
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(self._burst, now)
            self._buckets[key] = bucket
            while len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self._burst, bucket.tokens + elapsed * self._rate)
            bucket.updated = now
            self._buckets.move_to_end(key)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self._rate


def retry_after_header(seconds: float) -> str:
    """Formats a wait for the Retry-After header (whole seconds, at least 1)."""
    return str(max(1, math.ceil(seconds)))
