"""Migration 0008_operator_console creates exactly what the console models describe, and goes
back without touching the order tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

import catalog
from catalog.console.models import ConsoleBase
from catalog.db import make_engine, upgrade

MIGRATIONS = Path(catalog.__file__).with_name("migrations")
CONSOLE_TABLES = set(ConsoleBase.metadata.tables)


def _diff(connection: Connection) -> list[object]:
    def include_object(obj: Any, name: str | None, type_: str, *_: object) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in CONSOLE_TABLES

    opts = {"compare_type": True, "include_object": include_object}
    context = MigrationContext.configure(connection, opts=opts)
    return compare_metadata(context, ConsoleBase.metadata)


def _downgrade(connection: Connection, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.downgrade(config, revision)


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def test_the_console_migration_matches_the_models_and_downgrades(empty_db_url: str) -> None:
    assert {"operator_accounts", "operator_audit", "analytics_events"} <= CONSOLE_TABLES
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
            assert await conn.run_sync(_tables) >= CONSOLE_TABLES
        async with engine.begin() as conn:
            await conn.run_sync(_downgrade, "0005_zalo_tokens")
        async with engine.connect() as conn:
            left = await conn.run_sync(_tables)
            assert not CONSOLE_TABLES & left and "orders" in left
        await upgrade(engine)
    finally:
        await engine.dispose()
