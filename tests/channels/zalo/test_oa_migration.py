"""Migration 0005_zalo_tokens creates exactly the table SqlTokenStore uses, and goes back."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from bot.channels.zalo_oa.sql_tokens import metadata
from catalog.db import make_engine, upgrade

try:  # the catalog is moving its migration helpers into catalog.migrate
    from catalog.migrate import alembic_config
except ImportError:  # pragma: no cover
    from catalog.db import alembic_config  # type: ignore[attr-defined,no-redef]


def _diff(connection: Connection) -> list[object]:
    def include_object(obj: Any, name: str | None, type_: str, *_: object) -> bool:
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table == "zalo_oa_tokens"

    opts = {"compare_type": True, "include_object": include_object}
    return compare_metadata(MigrationContext.configure(connection, opts=opts), metadata)


def _downgrade(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, "0004_orders")


async def test_the_migration_matches_the_store_and_downgrades(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
        async with engine.begin() as conn:
            await conn.run_sync(_downgrade)
        async with engine.connect() as conn:
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert "zalo_oa_tokens" not in tables and "outbox" in tables
        await upgrade(engine)
    finally:
        await engine.dispose()
