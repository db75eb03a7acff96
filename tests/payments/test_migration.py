"""Migration 0011_payments creates exactly what the payment models describe, lets orders be
paid by transfer, and goes back (a transfer order becoming cash on delivery)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from catalog.db import make_engine, upgrade
from catalog.payments.models import PaymentsBase
from tests.orders.test_migration import _downgrade

TABLES = {"seller_prices", "bank_accounts", "order_payments", "bank_notifications"}


def _diff(connection: Connection) -> list[object]:
    def include_object(obj: Any, name: str | None, type_: str, *_: object) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in TABLES

    opts = {"compare_type": True, "include_object": include_object}
    return compare_metadata(
        MigrationContext.configure(connection, opts=opts), PaymentsBase.metadata
    )


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_the_payment_migration_matches_the_models_and_downgrades(empty_db_url: str) -> None:
    assert set(PaymentsBase.metadata.tables) == TABLES
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
            assert await conn.run_sync(_tables) >= TABLES
        async with engine.begin() as conn:
            await conn.run_sync(_downgrade, "0008_operator_console")
        async with engine.connect() as conn:
            assert not TABLES & await conn.run_sync(_tables)
            assert "orders" in await conn.run_sync(_tables)
            assert (await conn.execute(text("SELECT count(*) FROM orders"))).scalar() == 0
        await upgrade(engine)
    finally:
        await engine.dispose()
