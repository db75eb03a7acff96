"""Plain dataclasses in and out of the order services; no ORM row leaves the package."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from catalog.orders.states import OPEN_STATUSES

DeliveryKind = Literal["delivery", "pickup"]
Payment = Literal["cod", "pickup", "transfer"]  # transfer: VietQR, see catalog.payments


def mask_phone(phone: str | None) -> str:
    """Hides the middle of a phone number for logs: "0912345678" -> "091****678"."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 6:
        return "***"
    return f"{digits[:3]}{'*' * (len(digits) - 6)}{digits[-3:]}"


@dataclass(frozen=True, slots=True)
class Customer:
    """Who orders: the chat address ("web:abc", "telegram:123") and its language."""

    address: str
    language: str = "vi"


@dataclass(frozen=True, slots=True)
class CartLine:
    """One product and how many of it."""

    product_id: str
    quantity: int


@dataclass(frozen=True, slots=True)
class Contact:
    """Who the producer calls; `phone` stays out of repr."""

    name: str
    phone: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Delivery:
    """Home delivery to `address` (cash on delivery) or pick-up at place `place_id`."""

    kind: DeliveryKind
    address: str | None = None
    place_id: str | None = None
    payment: Payment | None = None  # None: cod for delivery, pay at pick-up otherwise

    @property
    def payment_kind(self) -> Payment:
        """The payment, defaulted from the delivery kind."""
        if self.payment is not None:
            return self.payment
        return "cod" if self.kind == "delivery" else "pickup"


@dataclass(frozen=True, slots=True)
class OrderItemDTO:
    """One line of an order, as snapshotted when it was placed."""

    product_id: str
    name: str
    quantity: int
    unit: str | None
    unit_price_vnd: int | None

    @property
    def total_vnd(self) -> int | None:
        """Quantity times unit price, or None when the price is unknown."""
        return None if self.unit_price_vnd is None else self.unit_price_vnd * self.quantity


@dataclass(frozen=True, slots=True)
class OrderEventDTO:
    """One status change; `from_status` is None for the first."""

    from_status: str | None
    to_status: str
    actor: str
    reason: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class OrderDTO:
    """One order as callers see it; `phone` stays out of repr so logs never show it."""

    id: int
    number: str
    customer_address: str
    customer_language: str
    customer_name: str
    phone: str = field(repr=False)
    delivery_kind: DeliveryKind
    address: str | None
    pickup_place_id: str | None
    note: str | None
    payment: Payment
    producer_id: str | None
    operator_routed: bool
    status: str
    version: int
    created_at: datetime
    updated_at: datetime
    items: tuple[OrderItemDTO, ...] = ()
    events: tuple[OrderEventDTO, ...] = ()

    @property
    def total_vnd(self) -> int | None:
        """The sum of the lines, or None when a price is unknown (agreed by phone)."""
        totals = [item.total_vnd for item in self.items]
        return None if any(t is None for t in totals) else sum(t or 0 for t in totals)

    @property
    def is_open(self) -> bool:
        """Pending, accepted or shipped: somebody still has to act."""
        return self.status in OPEN_STATUSES

    @property
    def masked_phone(self) -> str:
        """The phone for logs: first and last three digits only."""
        return mask_phone(self.phone)


@dataclass(frozen=True, slots=True)
class InboxDTO:
    """A chat linked to a producer."""

    producer_id: str
    address: str
    language: str
    linked_at: datetime


@dataclass(frozen=True, slots=True)
class ProducerRosterDTO:
    """A producer as the operator sees it: how to reach it, how much is waiting."""

    id: str
    name: str
    inboxes: tuple[InboxDTO, ...]
    open_orders: int


@dataclass(frozen=True, slots=True)
class InviteDTO:
    """A freshly made invite: the clear code exists only here, the database keeps a hash."""

    producer_id: str
    code: str = field(repr=False)
    expires_at: datetime
