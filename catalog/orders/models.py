"""Order tables: placements (idempotency), orders (one per producer), items and events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog.models import Place, Producer
from catalog.orders.states import STATUSES
from catalog.orders.types import OrdersBase, UtcDateTime

STATUS_CHECK = f"status IN ({', '.join(repr(s) for s in STATUSES)})"


class OrderPlacement(OrdersBase):
    """One confirmed cart; (customer, idempotency key) is unique so a replay makes nothing."""

    __tablename__ = "order_placements"
    __table_args__ = (UniqueConstraint("customer_address", "idempotency_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_address: Mapped[str] = mapped_column(String(160))
    idempotency_key: Mapped[str] = mapped_column(String(160))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Order(OrdersBase):
    """The part of a placement that one producer (or the operator) fulfils."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(STATUS_CHECK, name="status"),
        CheckConstraint("delivery_kind IN ('delivery', 'pickup')", name="delivery_kind"),
        # 'transfer': bank transfer by VietQR (catalog.payments, migration 0011_payments)
        CheckConstraint("payment IN ('cod', 'pickup', 'transfer')", name="payment"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("order_placements.id"), index=True)
    customer_address: Mapped[str] = mapped_column(String(160), index=True)
    customer_language: Mapped[str] = mapped_column(String(8))
    customer_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32))
    delivery_kind: Mapped[str] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(Text)
    pickup_place_id: Mapped[str | None] = mapped_column(ForeignKey(Place.id))
    note: Mapped[str | None] = mapped_column(Text)
    payment: Mapped[str] = mapped_column(String(10))
    producer_id: Mapped[str | None] = mapped_column(ForeignKey(Producer.id), index=True)
    operator_routed: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(12), index=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    items: Mapped[list[OrderItem]] = relationship(
        lazy="raise", order_by="OrderItem.id", cascade="all, delete-orphan"
    )


class OrderItem(OrdersBase):
    """One product line; name, unit and price are snapshots taken when the order was placed."""

    __tablename__ = "order_items"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    # No foreign key: the catalog may be re-imported, the order keeps what was bought.
    product_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str | None] = mapped_column(String(40))
    unit_price_vnd: Mapped[int | None] = mapped_column(Integer)


class OrderEvent(OrdersBase):
    """One status change (the first one has no `from_status`)."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
