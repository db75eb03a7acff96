"""Analytics events, one per bot turn, and the counts the console's charts draw.

Nothing here holds a phone number or a name: users are hashed, and a message's text is
kept only when the bot did not understand it (with long digit runs masked).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import AnalyticsEvent
from catalog.fast_sql import FastStatement

TEXT_CHARS = 300
_DIGITS = re.compile(r"\d[\d .\-]{4,}\d")
_events: Table = AnalyticsEvent.__table__  # type: ignore[assignment]
_COLUMNS = (
    "at",
    "channel",
    "user_hash",
    "intent",
    "confidence",
    "product_ids",
    "place_ids",
    "understood",
    "text",
)
#: The turn log's batches (one row a message): straight to the driver, no ORM bulk insert.
_RECORD = FastStatement(insert(_events).values({name: bindparam(name) for name in _COLUMNS}))


def mask_digits(text: str) -> str:
    """Hides runs of six or more digits (phone numbers) in a stored message."""
    return _DIGITS.sub("***", text)


@dataclass(frozen=True, slots=True)
class TurnEvent:
    """What the analytics keep of one turn."""

    channel: str
    user_hash: str
    intent: str | None
    confidence: float | None
    product_ids: tuple[str, ...] = ()
    place_ids: tuple[str, ...] = ()
    understood: bool = True
    text: str | None = None


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """A message the bot did not understand."""

    at: datetime
    channel: str
    intent: str | None
    confidence: float | None
    text: str


@dataclass(frozen=True, slots=True)
class DayCount:
    """Messages and unique users of one channel on one day (UTC)."""

    day: str
    channel: str
    messages: int
    users: int


class Analytics:
    """Writes turn events and reads the counts; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, event: TurnEvent, now: datetime) -> None:
        """Stores one turn."""
        await self.record_many([(event, now)])

    async def record_many(self, events: list[tuple[TurnEvent, datetime]]) -> None:
        """Stores a batch of turns in one call to the driver."""
        rows = [
            {
                "at": at,
                "channel": e.channel[:20],
                "user_hash": e.user_hash[:24],
                "intent": e.intent,
                "confidence": e.confidence,
                "product_ids": list(e.product_ids),
                "place_ids": list(e.place_ids),
                "understood": e.understood,
                "text": mask_digits(e.text)[:TEXT_CHARS] if e.text and not e.understood else None,
            }
            for e, at in events
        ]
        await _RECORD.run_many(self._session, rows)

    async def per_day(self, since: datetime) -> list[DayCount]:
        """Messages and unique users per day and channel since `since`."""
        rows = await self._session.execute(
            select(AnalyticsEvent.at, AnalyticsEvent.channel, AnalyticsEvent.user_hash).where(
                AnalyticsEvent.at >= since
            )
        )
        messages: Counter[tuple[str, str]] = Counter()
        users: dict[tuple[str, str], set[str]] = defaultdict(set)
        for at, channel, user in rows:
            key = (at.date().isoformat(), channel)
            messages[key] += 1
            users[key].add(user)
        return [DayCount(d, c, messages[(d, c)], len(users[(d, c)])) for d, c in sorted(messages)]

    async def top_intents(self, since: datetime, limit: int = 10) -> list[tuple[str, int]]:
        """The most frequent intents since `since`."""
        rows = await self._session.scalars(
            select(AnalyticsEvent.intent).where(AnalyticsEvent.at >= since)
        )
        return Counter(i or "-" for i in rows).most_common(limit)

    async def top_asked(
        self, since: datetime, limit: int = 10
    ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """The most asked-about product ids and place ids since `since`."""
        rows = await self._session.execute(
            select(AnalyticsEvent.product_ids, AnalyticsEvent.place_ids).where(
                AnalyticsEvent.at >= since
            )
        )
        products: Counter[str] = Counter()
        places: Counter[str] = Counter()
        for product_ids, place_ids in rows:
            products.update(str(p) for p in product_ids or [])
            places.update(str(p) for p in place_ids or [])
        return products.most_common(limit), places.most_common(limit)

    async def not_understood(self, limit: int = 50) -> list[NotUnderstood]:
        """Messages the bot did not understand, newest first."""
        rows = await self._session.scalars(
            select(AnalyticsEvent)
            .where(AnalyticsEvent.understood.is_(False), AnalyticsEvent.text.is_not(None))
            .order_by(AnalyticsEvent.id.desc())
            .limit(limit)
        )
        return [NotUnderstood(r.at, r.channel, r.intent, r.confidence, r.text or "") for r in rows]
