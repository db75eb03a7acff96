"""Reading what the services wrote, for assertions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import Refusal, RefusalReason
from catalog.orders.inbox_models import Outbox
from catalog.orders.models import Order, OrderEvent


async def outbox_rows(db: async_sessionmaker[AsyncSession]) -> list[dict[str, Any]]:
    """Every outbox row as a dict, oldest first."""
    async with db() as session:
        rows = await session.scalars(select(Outbox).order_by(Outbox.id))
        return [
            {
                "recipient": r.recipient,
                "kind": r.kind,
                "key": r.payload.get("key"),
                "payload": r.payload,
                "order_id": r.order_id,
                "attempts": r.attempts,
                "delivered_at": r.delivered_at,
                "last_error": r.last_error,
                "next_attempt_at": r.next_attempt_at,
            }
            for r in rows
        ]


async def count(db: async_sessionmaker[AsyncSession], model: type) -> int:
    async with db() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def counts(db: async_sessionmaker[AsyncSession]) -> tuple[int, int, int]:
    """(orders, events, outbox rows)."""
    return (await count(db, Order), await count(db, OrderEvent), await count(db, Outbox))


def refused(result: object, reason: RefusalReason) -> bool:
    """True when `result` is a refusal for `reason`."""
    return isinstance(result, Refusal) and result.reason is reason
