"""Shared SQL pieces of the order tables: their base, a portable UTC datetime, CAS checks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CursorResult, DateTime, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from catalog.models import NAMING


class OrdersBase(DeclarativeBase):
    """Base of the order tables; their own metadata (Alembic env: list it with Base's).

    Foreign keys to catalog tables are given as columns (``ForeignKey(Producer.id)``), so
    they resolve across the two metadata collections.
    """

    metadata = MetaData(naming_convention=NAMING)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database.

    SQLite keeps no offset, so values are stored as naive UTC there and made aware again
    when read; comparisons in SQL stay correct because every stored value is UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime refused (use an aware UTC clock): {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def changed_one(result: Any) -> bool:
    """True when a guarded UPDATE (compare-and-set) changed exactly one row."""
    return isinstance(result, CursorResult) and result.rowcount == 1
