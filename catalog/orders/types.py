"""Shared SQL pieces of the order tables: their base, a portable UTC datetime, CAS checks,
and a portable insert-if-absent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CursorResult,
    DateTime,
    Insert,
    MetaData,
    Table,
    bindparam,
    exists,
    insert,
    select,
)
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


def insert_if_absent(
    table: Table,
    columns: Sequence[str],
    taken: Callable[[dict[str, BindParameter[Any]]], ColumnElement[bool]],
) -> Insert:
    """``INSERT INTO table (columns) SELECT :columns WHERE NOT EXISTS (... WHERE taken)``.

    One statement instead of a look-up and an insert, on SQLite and PostgreSQL alike (no
    dialect's upsert); build it once at import. Its rowcount says whether a row was added
    (add ``.returning(...)`` for the new id). A concurrent insert of the same key still
    meets the table's unique constraint, as a look-up followed by an insert would.

    Args:
        table: the table to insert into.
        columns: the columns given, each as a bind parameter of the same name.
        taken: the condition on ``table`` that means the row exists, built from those bind
            parameters (e.g. ``lambda p: outbox.c.dedup_key == p["dedup_key"]``).
    """
    params = {name: bindparam(name, type_=table.c[name].type) for name in columns}
    rows = select(*params.values()).where(~exists().where(taken(params)))
    return insert(table).from_select(list(columns), rows)
