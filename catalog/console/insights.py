"""Order figures for the console: per day, per producer, the status funnel, response times."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.models import Order, OrderEvent
from catalog.orders.states import STATUSES


@dataclass(frozen=True, slots=True)
class OrderFigures:
    """What the insights page draws about orders."""

    per_day: list[tuple[str, int]]
    per_producer: list[tuple[str, int]]
    funnel: list[tuple[str, int]]
    response_minutes: dict[str, float]


class OrderInsights:
    """Reads order figures; the caller owns the session."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def figures(self, since: datetime) -> OrderFigures:
        """Orders created since `since`, counted several ways."""
        orders = (
            await self._session.execute(
                select(Order.id, Order.created_at, Order.producer_id, Order.status).where(
                    Order.created_at >= since
                )
            )
        ).all()
        per_day = Counter(o.created_at.date().isoformat() for o in orders)
        per_producer = Counter(o.producer_id or "-" for o in orders)
        funnel = Counter(o.status for o in orders)
        return OrderFigures(
            per_day=sorted(per_day.items()),
            per_producer=per_producer.most_common(),
            funnel=[(s, funnel.get(s, 0)) for s in STATUSES],
            response_minutes=await self.response_minutes(since),
        )

    async def response_minutes(self, since: datetime) -> dict[str, float]:
        """The median minutes from an order to its first answer (accept or decline), per
        producer; orders answered by the console count for their producer too."""
        rows = (
            await self._session.execute(
                select(Order.id, Order.producer_id, Order.created_at, OrderEvent.at)
                .join(OrderEvent, OrderEvent.order_id == Order.id)
                .where(
                    Order.created_at >= since,
                    OrderEvent.from_status == "pending",
                    OrderEvent.to_status.in_(("accepted", "declined")),
                )
            )
        ).all()
        first: dict[int, tuple[str, float]] = {}
        for order_id, producer, created, answered in rows:
            minutes = (answered - created).total_seconds() / 60
            if order_id not in first or minutes < first[order_id][1]:
                first[order_id] = (producer or "-", minutes)
        by_producer: dict[str, list[float]] = defaultdict(list)
        for producer, minutes in first.values():
            by_producer[producer].append(minutes)
        return {p: round(statistics.median(m), 1) for p, m in sorted(by_producer.items())}
