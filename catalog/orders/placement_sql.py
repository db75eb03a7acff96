"""The statements placing an order runs, built once at import.

A confirm click runs each of them once or more: built per call, SQLAlchemy would build and
hash a new statement every time before finding its compiled form in the cache. They are Core
statements on the tables, so no ORM object is made or flushed for rows nobody reads back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select

from catalog.orders.dto import OrderDTO, OrderItemDTO
from catalog.orders.models import Order, OrderEvent, OrderItem, OrderPlacement
from catalog.orders.types import insert_if_absent

_placements: Table = OrderPlacement.__table__  # type: ignore[assignment]
_orders: Table = Order.__table__  # type: ignore[assignment]

#: The placement this customer already made with this idempotency key, if any.
EARLIER = select(_placements.c.id).where(
    _placements.c.customer_address == bindparam("customer_address"),
    _placements.c.idempotency_key == bindparam("idempotency_key"),
)
#: A new placement (the unique (customer, key) refuses a concurrent twin): its id.
NEW_PLACEMENT = insert(_placements).returning(_placements.c.id)

ORDER_COLUMNS = (
    "number",
    "placement_id",
    "customer_address",
    "customer_language",
    "customer_name",
    "phone",
    "delivery_kind",
    "address",
    "pickup_place_id",
    "note",
    "payment",
    "producer_id",
    "operator_routed",
    "status",
    "version",
    "created_at",
    "updated_at",
)
#: A new order unless its random number is taken (then no row: draw another): its id.
NEW_ORDER = insert_if_absent(
    _orders, ORDER_COLUMNS, lambda p: _orders.c.number == p["number"]
).returning(_orders.c.id)
NEW_ITEMS = insert(OrderItem.__table__)
NEW_EVENTS = insert(OrderEvent.__table__)


def order_row(order: OrderDTO, placement_id: int) -> dict[str, Any]:
    """The orders row of `order` (its number drawn later), for NEW_ORDER."""
    row = {name: getattr(order, name) for name in ORDER_COLUMNS if name != "placement_id"}
    row["placement_id"] = placement_id
    return row


def item_row(order_id: int, item: OrderItemDTO) -> dict[str, Any]:
    """The order_items row of one line of the order `order_id`."""
    return {
        "order_id": order_id,
        "product_id": item.product_id,
        "name": item.name,
        "quantity": item.quantity,
        "unit": item.unit,
        "unit_price_vnd": item.unit_price_vnd,
    }


def first_event(order_id: int, actor: str, at: datetime) -> dict[str, Any]:
    """The order_events row of a new order: none -> pending, by the customer."""
    return {
        "order_id": order_id,
        "from_status": None,
        "to_status": "pending",
        "actor": actor,
        "reason": None,
        "at": at,
    }
