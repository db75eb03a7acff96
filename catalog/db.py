"""Engines, sessions, migrations and first-run seeding for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from catalog.models import Product

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
ASYNC_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str) -> AsyncEngine:
    """Creates an async engine with settings that suit the database.

    SQLite: creates the file's parent directory and turns foreign keys on for every
    connection. PostgreSQL: a small pre-pinged pool.

    Args:
        url: a SQLAlchemy URL, e.g. ``sqlite+aiosqlite:///./data/ocopbot.db`` or
            ``postgresql+asyncpg://user@host/db``; plain ``sqlite://`` and
            ``postgresql://`` get the async driver.

    Returns:
        The engine; dispose of it when done.
    """
    parsed = make_url(url)
    if parsed.drivername in ASYNC_DRIVERS:  # "postgresql://..." works too
        parsed = parsed.set(drivername=ASYNC_DRIVERS[parsed.drivername])
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10)
    database = parsed.database or ""
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if database in ("", ":memory:"):
        kwargs["poolclass"] = StaticPool  # one shared connection keeps the memory database
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(parsed, **kwargs)
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Returns the session factory every caller uses (objects stay readable after commit)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Config:
    """Builds the Alembic configuration programmatically (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _run_upgrade(connection: Connection, config: Config, revision: str) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def _check_foreign_keys(conn: AsyncConnection) -> None:
    broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
    if broken:
        raise RuntimeError(f"migration left {len(broken)} broken foreign key(s): {broken[:5]}")


async def upgrade(url_or_engine: str | AsyncEngine, revision: str = "head") -> None:
    """Migrates the database to ``revision`` (head by default).

    Safe to await from inside a running event loop: the migration runs on the engine's
    connection through ``run_sync`` (Alembic's connection-sharing cookbook recipe).

    Args:
        url_or_engine: a database URL, or an engine the caller keeps owning.
        revision: the Alembic revision to reach.
    """
    owned = isinstance(url_or_engine, str)
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    sqlite = engine.dialect.name == "sqlite"
    try:
        async with engine.connect() as conn:
            if sqlite:
                # Batch migrations recreate tables; with foreign keys on, dropping the old
                # table would cascade-delete rows that point at it. The PRAGMA only works
                # outside a transaction, so it is switched around the migration's one.
                await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                await conn.commit()
            async with conn.begin():
                await conn.run_sync(_run_upgrade, alembic_config(), revision)
                if sqlite:
                    await _check_foreign_keys(conn)
            if sqlite:
                await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                await conn.commit()
    finally:
        if owned:
            await engine.dispose()
    logger.info("database migrated to %s", revision)


async def seed_if_empty(session_factory: async_sessionmaker[AsyncSession]) -> bool:
    """Loads the shipped seed catalog when the products table is empty.

    Args:
        session_factory: sessions on a database already migrated to head.

    Returns:
        True if the seed was loaded, False if products already existed.
    """
    from catalog.seed import load_seed  # the seed loader uses the import machinery

    async with session_factory() as session, session.begin():
        count = await session.scalar(select(func.count()).select_from(Product))
        if count:
            return False
        await load_seed(session)
    logger.info("seed catalog loaded")
    return True
