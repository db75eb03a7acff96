"""The console's order board: orders filtered by status, producer, channel and date."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.orders.dto import OrderDTO
from catalog.orders.models import Order
from catalog.orders.repository import to_dto


async def board(
    session: AsyncSession,
    *,
    status: str | None = None,
    producer_id: str | None = None,
    channel: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[OrderDTO]:
    """Orders matching every given filter, newest first (`until` is exclusive)."""
    query = select(Order).options(selectinload(Order.items))
    if status:
        query = query.where(Order.status == status)
    if producer_id == "-":
        query = query.where(Order.producer_id.is_(None))
    elif producer_id:
        query = query.where(Order.producer_id == producer_id)
    if channel:
        query = query.where(Order.customer_address.startswith(f"{channel}:", autoescape=True))
    if since is not None:
        query = query.where(Order.created_at >= since)
    if until is not None:
        query = query.where(Order.created_at < until)
    rows = await session.scalars(query.order_by(Order.id.desc()).limit(limit))
    return [to_dto(row) for row in rows]
