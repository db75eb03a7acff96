"""Tables of the operator console: accounts, sessions, audit log, inbox, transcript, analytics.

Added for the operator console (issue 15; migration 0008_operator_console). They have their
own metadata; the foreign key to orders is given as a column, so it resolves across both.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from catalog.models import NAMING
from catalog.orders.models import Order
from catalog.orders.types import UtcDateTime


class ConsoleBase(DeclarativeBase):
    """Base of the console's tables (their own metadata, like the order tables')."""

    metadata = MetaData(naming_convention=NAMING)


class OperatorAccount(ConsoleBase):
    """A person of the OCOP centre who signs in to the console; only an argon2 hash is kept."""

    __tablename__ = "operator_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OperatorSession(ConsoleBase):
    """A signed-in browser: the SHA-256 of its cookie, its CSRF token and its expiry."""

    __tablename__ = "operator_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("operator_accounts.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoginAttempt(ConsoleBase):
    """A failed sign-in, counted per account and address for the rate limit."""

    __tablename__ = "operator_login_failures"
    __table_args__ = (Index("ix_login_failures_email_at", "email", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditEntry(ConsoleBase):
    """One thing somebody did in the console: who, when, what, on what."""

    __tablename__ = "operator_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)


class InboxItem(ConsoleBase):
    """Something a person must look at: a hand-off request or an order nobody else answers."""

    __tablename__ = "operator_inbox"
    __table_args__ = (Index("ix_operator_inbox_open", "done_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # handoff | order
    address: Mapped[str] = mapped_column(String(160), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey(Order.id), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))  # the customer's, for staff replies
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    held_by: Mapped[str | None] = mapped_column(String(200))  # set: the bot stays quiet
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_by: Mapped[str | None] = mapped_column(String(200))


class TranscriptLine(ConsoleBase):
    """One message of a conversation (customer, bot or staff), so staff can read it back."""

    __tablename__ = "conversation_transcript"
    __table_args__ = (Index("ix_transcript_address_id", "address", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    address: Mapped[str] = mapped_column(String(160))
    author: Mapped[str] = mapped_column(String(10))  # customer | bot | staff
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class AnalyticsEvent(ConsoleBase):
    """One turn, for the charts: never a phone or a name; text only when not understood."""

    __tablename__ = "analytics_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_hash: Mapped[str] = mapped_column(String(24))
    intent: Mapped[str | None] = mapped_column(String(60))
    confidence: Mapped[float | None] = mapped_column(Float)
    product_ids: Mapped[list[Any]] = mapped_column(JSON)
    place_ids: Mapped[list[Any]] = mapped_column(JSON)
    understood: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str | None] = mapped_column(Text)


class CatalogUpload(ConsoleBase):
    """A catalog file checked by a dry run and waiting to be applied."""

    __tablename__ = "operator_uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    actor: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    applied_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
