"""De-duplication of incoming messages: a transport may deliver the same update twice."""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol


class Deduplicator(Protocol):
    """Claims (channel, message_id) once; a second claim of the same pair fails."""

    async def claim(self, channel: str, message_id: str) -> bool: ...


class MemoryDeduplicator:
    """Remembers the most recent message ids in process (tests, console)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._capacity = capacity

    async def claim(self, channel: str, message_id: str) -> bool:
        """Returns True the first time a (channel, message_id) pair is seen."""
        key = (channel, message_id)
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > self._capacity:
            self._seen.popitem(last=False)
        return True
