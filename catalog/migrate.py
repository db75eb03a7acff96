"""Alembic migrations run programmatically, on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker

from catalog.engine import make_engine
from catalog.migrate_head import at_head

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# One number for "the catalog schema": PostgreSQL processes starting together take turns.
PG_LOCK = 7_420_2026


async def pg_lock(conn: AsyncConnection) -> None:
    """On PostgreSQL, waits for other processes migrating or seeding (until commit)."""
    if conn.dialect.name == "postgresql":
        await conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK})")


def alembic_config() -> Config:
    """Builds the Alembic configuration programmatically (no alembic.ini needed)."""
    from alembic.config import Config  # only when migrating: see catalog.migrate_head

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _run_upgrade(connection: Connection, config: Config, revision: str) -> None:
    from alembic import command

    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def _check_foreign_keys(conn: AsyncConnection) -> None:
    broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
    if broken:
        raise RuntimeError(f"migration left {len(broken)} broken foreign key(s): {broken[:5]}")


async def upgrade(url_or_engine: str | AsyncEngine, revision: str = "head") -> None:
    """Migrates the database to ``revision`` (head by default).

    At head, a database seeded from an older seed edition then gets the current one
    (``catalog.seed.upgrade``: the operator's edits win), once. A database that already
    records the head revision is not handed to Alembic at all (``catalog.migrate_head``).

    Safe to await from inside a running event loop: the migration runs on the engine's
    connection through ``run_sync`` (Alembic's connection-sharing cookbook recipe). Do not
    run two at once in one process (Alembic's context is process-global); processes
    starting together on PostgreSQL take turns through an advisory lock.

    Args:
        url_or_engine: a database URL, or an engine the caller keeps owning.
        revision: the Alembic revision to reach.
    """
    owned = isinstance(url_or_engine, str)
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    sqlite = engine.dialect.name == "sqlite"
    try:
        async with engine.connect() as conn:
            current = revision == "head" and await at_head(conn, MIGRATIONS / "versions")
            if not current:
                await _migrate(conn, revision, sqlite=sqlite)
        if revision == "head":
            await _upgrade_seed(engine)
    finally:
        if owned:
            await engine.dispose()
    logger.info("database %s %s", "already at" if current else "migrated to", revision)


async def _migrate(conn: AsyncConnection, revision: str, *, sqlite: bool) -> None:
    """Runs Alembic's upgrade to ``revision`` on ``conn`` (outside any transaction)."""
    if sqlite:
        # Batch migrations recreate tables; with foreign keys on, dropping the old
        # table would cascade-delete rows that point at it. The PRAGMA only works
        # outside a transaction, so it is switched around the migration's one.
        await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await conn.commit()
    async with conn.begin():
        await pg_lock(conn)
        await conn.run_sync(_run_upgrade, alembic_config(), revision)
        if sqlite:
            await _check_foreign_keys(conn)
    if sqlite:
        await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        await conn.commit()


async def _upgrade_seed(engine: AsyncEngine) -> None:
    """Merges the current seed edition into a database seeded from an older one (once)."""
    from catalog.seed.upgrade import upgrade_seed  # it imports this module

    found = await upgrade_seed(async_sessionmaker(engine, expire_on_commit=False))
    if found is not None:
        logger.info("seed catalog upgraded from edition %s", found)
