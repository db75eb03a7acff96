"""Long polls and wake-up counting for the two-process tests."""

from __future__ import annotations

import time
from typing import Any

from redis import Redis

from tests.bot_process import WebChat


def take_pushed(
    chat: WebChat, *, until: str | None = None, wait: int = 10, timeout: float = 60
) -> list[dict[str, Any]]:
    """Long-polls the chat's current process; until=None means a single poll.

    Returns:
        Every message pushed meanwhile, in order (once `until` appears in one, if given).
    """
    pushed: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while True:
        pushed += chat.poll(wait=wait)
        if until is None or any(until in m["text"] for m in pushed):
            return pushed
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing pushed with {until!r}; got {pushed}")


class WakeCounter:
    """Counts the Redis mailbox's wake-ups: each push through it publishes exactly one."""

    def __init__(self, redis: Redis, channel: str) -> None:
        self._pubsub = redis.pubsub()
        self._pubsub.subscribe(channel)
        self._pubsub.get_message(timeout=5)  # the subscription confirmation

    def count(self) -> int:
        seen = 0
        while message := self._pubsub.get_message(timeout=0.5):
            seen += message["type"] == "message"
        return seen

    def close(self) -> None:
        self._pubsub.close()
