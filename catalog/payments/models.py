"""Payment tables: sellers' prices, bank accounts, each order's payment, bank notifications.

They have their own metadata (like the order tables); foreign keys to catalog and order
tables are given as columns so they resolve across the collections.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from catalog.models import NAMING, Producer, Product
from catalog.orders.models import Order
from catalog.orders.types import UtcDateTime

PAYMENT_STATES = ("unpaid", "paid", "mismatch")
METHODS = ("cod", "pickup", "transfer")


class PaymentsBase(DeclarativeBase):
    """Base of the payment tables (listed beside Base and OrdersBase for Alembic)."""

    metadata = MetaData(naming_convention=NAMING)


class SellerPrice(PaymentsBase):
    """The price a producer (or the operator for it) states for one of its products."""

    __tablename__ = "seller_prices"
    __table_args__ = (CheckConstraint("amount_vnd > 0", name="amount"),)

    product_id: Mapped[str] = mapped_column(ForeignKey(Product.id), primary_key=True)
    producer_id: Mapped[str] = mapped_column(ForeignKey(Producer.id), index=True)
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str | None] = mapped_column(String(40))
    set_by: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BankAccount(PaymentsBase):
    """Where a producer is paid: bank (NAPAS BIN), account number, holder as banks print it."""

    __tablename__ = "bank_accounts"

    producer_id: Mapped[str] = mapped_column(ForeignKey(Producer.id), primary_key=True)
    bank_bin: Mapped[str] = mapped_column(String(6))
    account_number: Mapped[str] = mapped_column(String(19))
    holder: Mapped[str] = mapped_column(String(100))
    set_by: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OrderPayment(PaymentsBase):
    """How an order is paid and whether it is; separate from its fulfilment status."""

    __tablename__ = "order_payments"
    __table_args__ = (
        CheckConstraint(f"state IN {PAYMENT_STATES!r}", name="state"),
        CheckConstraint(f"method IN {METHODS!r}", name="method"),
    )

    order_id: Mapped[int] = mapped_column(ForeignKey(Order.id), primary_key=True)
    method: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(10), index=True)
    amount_vnd: Mapped[int | None] = mapped_column(BigInteger)
    content: Mapped[str] = mapped_column(String(25))
    qr_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    paid_by: Mapped[str | None] = mapped_column(String(200))
    received_vnd: Mapped[int | None] = mapped_column(BigInteger)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BankNotification(PaymentsBase):
    """One transfer reported by a notification service; (provider, txn_id) is unique."""

    __tablename__ = "bank_notifications"
    __table_args__ = (UniqueConstraint("provider", "txn_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    txn_id: Mapped[str] = mapped_column(String(64))
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[str] = mapped_column(Text)
    account_number: Mapped[str | None] = mapped_column(String(32))
    order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    outcome: Mapped[str] = mapped_column(String(16), index=True)
    raw: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
