"""A CatalogService on a seeded database (SQLite and PostgreSQL).

Read-only service tests share one database per module and backend (a copy of the seeded
template), which keeps the suite fast; tests that write use ``catalog_session_factory``.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.db import make_engine, make_session_factory
from catalog.services import CatalogService
from tests.db_servers import PG_ADMIN_DSN, pg_admin, sqlite_url

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


async def _admin(sql: str) -> None:
    admin = await pg_admin()
    try:
        await admin.execute(sql)
    finally:
        await admin.close()


def _run(sql: str) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _admin(sql)).result()


@pytest.fixture(scope="module", params=DATABASES)
def shared_catalog_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A seeded database shared by one module's read-only tests."""
    if request.param == "sqlite":
        directory = tmp_path_factory.mktemp("shared-catalog")
        shutil.copyfile(
            request.getfixturevalue("_catalog_sqlite_template"), directory / "ocopbot-test.db"
        )
        yield sqlite_url(directory)
        return
    template = request.getfixturevalue("_catalog_pg_template")
    name = f"ocopbot_t_{uuid.uuid4().hex[:12]}"
    _run(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
        yield f"{base}/{name}"
    finally:
        _run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def catalog(shared_catalog_url: str) -> AsyncIterator[CatalogService]:
    """A service in a transaction that is rolled back after the test."""
    engine = make_engine(shared_catalog_url)
    try:
        async with make_session_factory(engine)() as session:
            await session.begin()
            yield CatalogService(session)
            await session.rollback()
    finally:
        await engine.dispose()


@pytest.fixture
async def shared_session_factory(
    shared_catalog_url: str,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the module's shared database: only for tests that must not write."""
    engine = make_engine(shared_catalog_url)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()
