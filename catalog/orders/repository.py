"""Reads orders and turns rows into DTOs; the caller owns the session and transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.orders.dto import OrderDTO, OrderEventDTO, OrderItemDTO
from catalog.orders.models import Order, OrderEvent
from catalog.orders.states import OPEN_STATUSES

DEFAULT_LIMIT = 200


def to_dto(order: Order, events: Sequence[OrderEvent] = ()) -> OrderDTO:
    """Copies an order row (items loaded) into an OrderDTO."""
    items = tuple(
        OrderItemDTO(i.product_id, i.name, i.quantity, i.unit, i.unit_price_vnd)
        for i in order.items
    )
    history = tuple(
        OrderEventDTO(e.from_status, e.to_status, e.actor, e.reason, e.at) for e in events
    )
    return OrderDTO(
        id=order.id,
        number=order.number,
        customer_address=order.customer_address,
        customer_language=order.customer_language,
        customer_name=order.customer_name,
        phone=order.phone,
        delivery_kind=order.delivery_kind,  # type: ignore[arg-type]
        address=order.address,
        pickup_place_id=order.pickup_place_id,
        note=order.note,
        payment=order.payment,  # type: ignore[arg-type]
        producer_id=order.producer_id,
        operator_routed=order.operator_routed,
        status=order.status,
        version=order.version,
        created_at=order.created_at,
        updated_at=order.updated_at,
        items=items,
        events=history,
    )


class OrderRepository:
    """Order queries returning DTOs (rows only through `load`, for the services)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    @staticmethod
    def _query() -> Select[tuple[Order]]:
        return select(Order).options(selectinload(Order.items))

    async def load(self, order_id: int) -> Order | None:
        """The order row with its items, for a service that is about to change it."""
        return await self._session.scalar(self._query().where(Order.id == order_id))

    async def events(self, order_id: int) -> list[OrderEvent]:
        """The order's status history, oldest first (rows, for to_dto)."""
        query = select(OrderEvent).where(OrderEvent.order_id == order_id)
        return list(await self._session.scalars(query.order_by(OrderEvent.id)))

    async def get(self, order_id: int, with_events: bool = True) -> OrderDTO | None:
        """The order with its items (and history unless told not to), or None."""
        order = await self.load(order_id)
        if order is None:
            return None
        return to_dto(order, await self.events(order_id) if with_events else ())

    async def get_by_number(self, number: str) -> OrderDTO | None:
        """The order with this public number (any case), or None."""
        query = self._query().where(Order.number == number.strip().upper())
        order = await self._session.scalar(query)
        return None if order is None else to_dto(order, await self.events(order.id))

    async def find(
        self,
        *,
        status: str | Sequence[str] | None = None,
        customer: str | None = None,
        producer_id: str | None = None,
        placement_id: int | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> list[OrderDTO]:
        """Orders matching every given filter, newest first (``offset`` of them skipped)."""
        query = self._query()
        if isinstance(status, str):
            query = query.where(Order.status == status)
        elif status is not None:
            query = query.where(Order.status.in_(list(status)))
        if customer is not None:
            query = query.where(Order.customer_address == customer)
        if producer_id is not None:
            query = query.where(Order.producer_id == producer_id)
        if placement_id is not None:
            query = query.where(Order.placement_id == placement_id)
        query = query.order_by(Order.id.desc()).limit(limit).offset(offset)
        rows = await self._session.scalars(query)
        return [to_dto(order) for order in rows]

    async def open_of_producer(self, producer_id: str) -> list[OrderDTO]:
        """The producer's pending, accepted and shipped orders, newest first."""
        return await self.find(status=OPEN_STATUSES, producer_id=producer_id)
