"""Migration 0004_orders creates exactly what the order models describe, and goes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

import catalog
from catalog.db import make_engine, upgrade
from catalog.orders.types import OrdersBase

MIGRATIONS = Path(catalog.__file__).with_name("migrations")
ORDER_TABLES = {
    "order_placements",
    "orders",
    "order_items",
    "order_events",
    "outbox",
    "producer_invites",
    "producer_inboxes",
}


def _diff(connection: Connection) -> list[object]:
    def include_object(obj: Any, name: str | None, type_: str, *_: object) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in ORDER_TABLES

    opts = {"compare_type": True, "include_object": include_object}
    return compare_metadata(MigrationContext.configure(connection, opts=opts), OrdersBase.metadata)


def _downgrade(connection: Connection, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_the_migration_matches_the_models_and_downgrades(empty_db_url: str) -> None:
    assert set(OrdersBase.metadata.tables) == ORDER_TABLES
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
            assert await conn.run_sync(_tables) >= ORDER_TABLES
        async with engine.begin() as conn:
            await conn.run_sync(_downgrade, "0003_web_sessions")
        async with engine.connect() as conn:
            assert not ORDER_TABLES & await conn.run_sync(_tables)
        await upgrade(engine)
    finally:
        await engine.dispose()
