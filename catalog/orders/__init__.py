"""Orders: placement split by producer, the state machine, producer inboxes, the outbox."""

from __future__ import annotations

from catalog.orders.dto import (
    CartLine,
    Contact,
    Customer,
    Delivery,
    InboxDTO,
    InviteDTO,
    OrderDTO,
    OrderEventDTO,
    OrderItemDTO,
    ProducerRosterDTO,
    mask_phone,
)
from catalog.orders.errors import (
    DuplicatePlacement,
    EmptyCart,
    InvalidContact,
    InvalidDelivery,
    InvalidQuantity,
    OrderError,
    Refusal,
    RefusalReason,
    UnknownProducer,
    UnknownProducts,
)
from catalog.orders.outbox import OutboxMessage, OutboxRepository, OutboxStatus
from catalog.orders.policy import Clock, OrderPolicy, utc_now
from catalog.orders.reminders import ReminderReport
from catalog.orders.service import OrderService
from catalog.orders.states import OrderButton, make_order_payload, parse_order_payload

__all__ = [
    "CartLine",
    "Clock",
    "Contact",
    "Customer",
    "Delivery",
    "DuplicatePlacement",
    "EmptyCart",
    "InboxDTO",
    "InvalidContact",
    "InvalidDelivery",
    "InvalidQuantity",
    "InviteDTO",
    "OrderButton",
    "OrderDTO",
    "OrderError",
    "OrderEventDTO",
    "OrderItemDTO",
    "OrderPolicy",
    "OrderService",
    "OutboxMessage",
    "OutboxRepository",
    "OutboxStatus",
    "ProducerRosterDTO",
    "Refusal",
    "RefusalReason",
    "ReminderReport",
    "UnknownProducer",
    "UnknownProducts",
    "make_order_payload",
    "mask_phone",
    "parse_order_payload",
    "utc_now",
]
