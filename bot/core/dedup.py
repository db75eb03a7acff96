"""De-duplication of incoming messages: a transport may deliver the same update twice."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.opening import Leg


class Deduplicator(Protocol):
    """Claims (channel, message_id) once; a second claim of the same pair fails."""

    async def claim(self, channel: str, message_id: str, replies: Any = None) -> bool:
        """Claims the pair, keeping ``replies`` (JSON) for a retry of the same message."""
        ...

    async def replies(self, channel: str, message_id: str) -> Any:
        """The replies kept with the pair's claim (JSON), or None."""
        ...


class SessionClaims(Protocol):
    """Claims that commit (or roll back) with the caller's transaction."""

    async def claim(self, channel: str, message_id: str, replies: Any = None) -> bool:
        """Claims the pair in the caller's transaction; False if someone else holds it.

        A concurrent claim of the same pair waits for the other transaction and fails
        once it commits (PostgreSQL's unique index, SQLite's single writer).
        """
        ...


@runtime_checkable
class SessionDeduplicator(Deduplicator, Protocol):
    """A Deduplicator whose claim can join the turn's transaction (SQL).

    The engine checks its ``opening_leg`` first and claims at the end of the turn, in the same
    commit as the state and the handler's changes; a duplicate that slips past the
    check (another process, no shared lock) fails to claim and its whole turn rolls back.
    """

    def in_session(self, session: AsyncSession) -> SessionClaims:
        """Claims on the caller's session."""
        ...

    def opening_leg(self, channel: str, message_id: str) -> Leg:
        """Whether the pair is claimed, read with the turn's other opening questions: a row
        when claimed by a committed turn, its value the replies kept with the claim."""
        ...


class MemoryDeduplicator:
    """Remembers the most recent message ids in process (tests, console)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._seen: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._capacity = capacity

    async def claim(self, channel: str, message_id: str, replies: Any = None) -> bool:
        """Returns True the first time a (channel, message_id) pair is seen."""
        key = (channel, message_id)
        if key in self._seen:
            return False
        self._seen[key] = replies
        if len(self._seen) > self._capacity:
            self._seen.popitem(last=False)
        return True

    async def replies(self, channel: str, message_id: str) -> Any:
        """The replies kept with the pair's claim, or None."""
        return self._seen.get((channel, message_id))
