"""Tables for reaching people: producer inboxes, one-time invites and the outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from catalog.models import Producer
from catalog.orders.types import OrdersBase, UtcDateTime


class ProducerInbox(OrdersBase):
    """A chat linked to a producer; pings for the producer's orders go to all of them."""

    __tablename__ = "producer_inboxes"
    __table_args__ = (UniqueConstraint("producer_id", "address"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    producer_id: Mapped[str] = mapped_column(ForeignKey(Producer.id), index=True)
    address: Mapped[str] = mapped_column(String(160), index=True)
    language: Mapped[str] = mapped_column(String(8))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ProducerInvite(OrdersBase):
    """A one-time code that links a chat to a producer; only its SHA-256 is stored."""

    __tablename__ = "producer_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    producer_id: Mapped[str] = mapped_column(ForeignKey(Producer.id), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_by: Mapped[str | None] = mapped_column(String(160))


class Outbox(OrdersBase):
    """A message to someone other than the sender, written in the business transaction.

    `payload` is a JSON Reply-like dict (see catalog.orders.notices); the dispatcher renders
    and delivers it, retrying with backoff until `delivered_at` is set.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "delivered_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claim_token: Mapped[str | None] = mapped_column(String(32))
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
