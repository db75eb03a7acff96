"""Shared fixtures: every database test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.db_servers import PG_ADMIN_DSN, fresh_postgres, pg_admin, sqlite_url

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
async def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file, or a fresh database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    async with fresh_postgres() as url:
        yield url


# --- Catalog databases (owned by the catalog package) -------------------------------------
# The template (migrated to head and seeded) is built once per session; each test gets a copy.


def _in_thread(coro_fn: Any, *args: Any) -> Any:
    """Runs a coroutine on its own loop in a worker thread (session fixtures are sync)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro_fn(*args)).result()


async def _migrate_and_seed(url: str) -> None:
    from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade

    engine = make_engine(url)
    try:
        await upgrade(engine)
        await seed_if_empty(make_session_factory(engine))
    finally:
        await engine.dispose()


async def _pg_template(name: str) -> str:
    admin = await pg_admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    await _migrate_and_seed(f"{base}/{name}")
    return name


async def _pg_drop(name: str) -> None:
    admin = await pg_admin()
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
def _catalog_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalog-template") / "catalog.db"
    _in_thread(_migrate_and_seed, f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def _catalog_pg_template() -> Iterator[str]:
    name = f"ocopbot_tpl_{uuid.uuid4().hex[:12]}"
    try:
        yield _in_thread(_pg_template, name)
    finally:
        _in_thread(_pg_drop, name)


@pytest.fixture(params=DATABASES)
async def catalog_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database migrated to head and loaded with the seed catalog (SQLite and PostgreSQL)."""
    if request.param == "sqlite":
        template = request.getfixturevalue("_catalog_sqlite_template")
        shutil.copyfile(template, tmp_path / "ocopbot-test.db")
        yield sqlite_url(tmp_path)
        return
    async with fresh_postgres(template=request.getfixturevalue("_catalog_pg_template")) as url:
        yield url


@pytest.fixture
async def catalog_session_factory(
    catalog_db_url: str,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a seeded catalog database; the engine is disposed after the test."""
    from catalog.db import make_engine, make_session_factory

    engine = make_engine(catalog_db_url)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()
