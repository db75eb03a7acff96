"""Engines, migrations and seeding, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade
from catalog.models import Base, District, Place, PlaceProduct, Producer, Product

CATALOG_TABLES = {
    "districts",
    "producers",
    "products",
    "places",
    "place_products",
    "events",
    "figures",
    "online_platforms",
    "seed_editions",
}


async def test_upgrade_runs_inside_a_running_loop_and_is_repeatable(empty_db_url: str) -> None:
    await upgrade(empty_db_url)
    await upgrade(empty_db_url)  # already at head: nothing to do, no error
    engine = make_engine(empty_db_url)
    try:
        async with engine.connect() as conn:
            version = await conn.scalar(text("SELECT version_num FROM alembic_version"))
        assert version is not None
    finally:
        await engine.dispose()


def _diff(connection: Connection) -> list:
    ours = CATALOG_TABLES

    def include_name(name: str | None, type_: str, _parents: object) -> bool:
        # Other packages' tables (later migrations) are not this test's business.
        return type_ != "table" or name in ours

    opts = {"compare_type": True, "include_name": include_name}
    diff = compare_metadata(MigrationContext.configure(connection, opts=opts), Base.metadata)
    return [d for d in diff if not (isinstance(d, tuple) and d[0] == "add_table")] + [
        d for d in diff if isinstance(d, tuple) and d[0] == "add_table" and d[1].name in ours
    ]


async def test_migration_creates_exactly_the_models_schema(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_seed_loads_once(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        factory = make_session_factory(engine)
        assert await seed_if_empty(factory) is True
        assert await seed_if_empty(factory) is False
        async with factory() as session:
            counts = [
                await session.scalar(select(func.count()).select_from(model))
                for model in (District, Producer, Product, Place, PlaceProduct)
            ]
        assert counts == [13, 40, 106, 31, 7]
    finally:
        await engine.dispose()


async def test_foreign_keys_are_enforced(
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with catalog_session_factory() as session:
        session.add(PlaceProduct(place_id="no-such-place", product_id="ga-tien-yen"))
        with pytest.raises(IntegrityError):
            await session.flush()


def test_sqlite_parent_directory_is_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "ocopbot.db"
    make_engine(f"sqlite+aiosqlite:///{target}").sync_engine.dispose()
    assert target.parent.is_dir()


async def test_foreign_keys_stay_on_after_migrating_with_the_same_engine(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'fk.db'}")
    try:
        await upgrade(engine)
        async with engine.connect() as conn:
            assert await conn.scalar(text("PRAGMA foreign_keys")) == 1
    finally:
        await engine.dispose()


async def test_plain_urls_get_the_async_driver() -> None:
    engine = make_engine("postgresql://user@127.0.0.1/x")
    assert engine.url.drivername == "postgresql+asyncpg"
    await engine.dispose()


async def test_seed_keeps_rows_the_operator_already_has(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        factory = make_session_factory(engine)
        async with factory() as session, session.begin():
            session.add(District(id="ha-long", name_vi="TP Hạ Long (sửa)", name_en=None))
        assert await seed_if_empty(factory) is True
        async with factory() as session:
            district = await session.get(District, "ha-long")
            assert district is not None and district.name_vi == "TP Hạ Long (sửa)"
            assert await session.scalar(select(func.count()).select_from(District)) == 13
    finally:
        await engine.dispose()


async def test_processes_starting_together_seed_once(empty_db_url: str) -> None:
    engines = [make_engine(empty_db_url) for _ in range(3)]
    try:
        for engine in engines:  # Alembic's context is process-global: one at a time
            await upgrade(engine)
        loaded = await asyncio.gather(*(seed_if_empty(make_session_factory(e)) for e in engines))
        assert sorted(loaded) == [False, False, True]
        async with make_session_factory(engines[0])() as session:
            assert await session.scalar(select(func.count()).select_from(Product)) == 106
    finally:
        for engine in engines:
            await engine.dispose()
