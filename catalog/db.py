"""The catalog's database entry points: engines, sessions, migrations, first-run seed.

``make_engine`` and ``make_session_factory`` live in :mod:`catalog.engine`, ``upgrade`` in
:mod:`catalog.migrate`; they are re-exported here, the one module callers import.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.engine import make_engine, make_session_factory
from catalog.migrate import pg_lock, upgrade
from catalog.models import Product

__all__ = ["make_engine", "make_session_factory", "seed_if_empty", "upgrade"]

logger = logging.getLogger(__name__)


async def seed_if_empty(session_factory: async_sessionmaker[AsyncSession]) -> bool:
    """Loads the shipped seed catalog when the products table is empty.

    The database then records the seed's edition (``seed_editions``), so a later edition
    can be merged in by ``catalog.seed.upgrade`` without losing the operator's edits.

    Rows that already exist (say, districts the operator imported) are left as they are.
    Several processes starting at once take turns (PostgreSQL's advisory lock, SQLite's
    writer lock); only one seeds.

    Args:
        session_factory: sessions on a database already migrated to head.

    Returns:
        True if the seed was loaded, False if products already existed.
    """
    from catalog.seed import load_seed  # the seed loader uses the import machinery
    from catalog.seed.build import EDITION
    from catalog.seed.upgrade import record_edition

    try:
        async with session_factory() as session, session.begin():
            connection = await session.connection()
            await pg_lock(connection)
            if connection.dialect.name == "sqlite":
                # The writer lock first (a write that changes nothing takes it), so the count
                # reads after any other process's seed has committed: one seeds, the others
                # see its products. Counting first, a process could find 0 products, wait
                # while another seeds, then find every row there and report a seed it never
                # did.
                await connection.exec_driver_sql("DELETE FROM seed_editions WHERE 0")
            count = await session.scalar(select(func.count()).select_from(Product))
            if count:
                return False
            await load_seed(session)
            await record_edition(session, EDITION)
    except IntegrityError:  # another process (SQLite) seeded between our check and insert
        logger.warning("seed skipped: another process loaded it first")
        return False
    logger.info("seed catalog loaded")
    return True
