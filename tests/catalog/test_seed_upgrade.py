"""A database seeded from edition 1 upgrades to edition 2 and keeps the operator's edits."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import MetaData, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade
from catalog.io.export import export_sections
from catalog.io.importer import import_into, import_rows
from catalog.io.readers import read_yaml
from catalog.io.schema import row_key
from catalog.models import Event, Place, Product, SeedEdition
from catalog.seed.upgrade import BASES, GROUPS, record_edition, upgrade_seed
from catalog.text import fold, search_key
from tests.catalog.importing import write_csv

EDITION1 = BASES[1]


async def _edition(engine: AsyncEngine) -> int | None:
    async with make_session_factory(engine)() as session:
        return await session.scalar(select(SeedEdition.edition))


async def _seed_edition1(engine: AsyncEngine) -> None:
    """What a first-edition bot did on its first start: load the edition-1 seed."""
    async with make_session_factory(engine)() as session, session.begin():
        result = await import_rows(session, read_yaml(EDITION1), keep_existing=True)
        assert result.ok, result.problems
        await record_edition(session, 1)


async def _snapshot(engine: AsyncEngine) -> dict[str, dict[tuple, dict[str, Any]]]:
    async with make_session_factory(engine)() as session:
        sections = await export_sections(session)
    return {name: {row_key(name, row): row for row in rows} for name, rows in sections.items()}


async def _fresh_edition2(url_dir: Path) -> dict:
    engine = make_engine(f"sqlite+aiosqlite:///{url_dir / 'fresh.db'}")
    try:
        await upgrade(engine)
        await seed_if_empty(make_session_factory(engine))
        return await _snapshot(engine)
    finally:
        await engine.dispose()


async def test_operator_edits_survive_and_everything_else_becomes_edition_2(
    empty_db_url: str, tmp_path: Path
) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        await _seed_edition1(engine)
        factory = make_session_factory(engine)
        # The operator corrects a price and a name from a spreadsheet, and a shop's address.
        products = write_csv(
            tmp_path / "products.csv",
            ["id", "name_vi", "category", "price_vnd", "price_max_vnd", "price_unit"],
            [
                [
                    "ruou-ba-kich-ba-che",
                    "Rượu ba kích tím (chai 500ml)",
                    "wine_liquor",
                    180000,
                    "",
                    "chai",
                ]
            ],
        )
        assert (await import_into(factory, products)).ok
        places = tmp_path / "places.yaml"
        places.write_text(
            "places:\n- id: ocop-point-bigc-ha-long\n  kind: ocop_sales_point\n"
            "  name_vi: Điểm bán OCOP Big C Hạ Long\n  address: 'số 1 đường Trần Quốc Nghiễn'\n",
            encoding="utf-8",
        )
        assert (await import_into(factory, places)).ok

        await upgrade(engine)  # start-up after installing edition 2

        assert await _edition(engine) == 2
        async with factory() as session:
            wine = await session.get(Product, "ruou-ba-kich-ba-che")
            shop = await session.get(Place, "ocop-point-bigc-ha-long")
            oyster = await session.get(Product, "ruoc-hau-bavabi")
            counts = [
                await session.scalar(select(func.count()).select_from(m))
                for m in (Product, Place, Event)
            ]
        assert counts == [106, 31, 41]
        assert wine is not None and shop is not None and oyster is not None
        # The operator's fields win over edition 2's corrected price...
        assert wine.name_vi == "Rượu ba kích tím (chai 500ml)"
        assert (wine.price_vnd, wine.price_unit) == (180000, "chai")
        assert shop.address == "số 1 đường Trần Quốc Nghiễn"
        assert shop.name_vi == "Điểm bán OCOP Big C Hạ Long"
        # ...while the fields nobody touched take edition 2 (a star corrected with a source,
        # descriptions, the structured price's other parts).
        assert oyster.stars == 5
        assert wine.description_vi and "ba kích" in wine.description_vi
        # A price is one fact: none of edition 2's price words sneak in next to the operator's.
        assert (wine.price_stated, wine.price_date, wine.price_source) == (None, None, None)
        assert shop.description_vi and "Big C" in shop.description_vi

        edited = {
            ("products", "ruou-ba-kich-ba-che"): {"name_vi", *GROUPS[0]},
            ("places", "ocop-point-bigc-ha-long"): {"name_vi", "address"},
        }
        fresh, upgraded = await _fresh_edition2(tmp_path), await _snapshot(engine)
        assert set(upgraded) == set(fresh)
        for section, rows in fresh.items():
            assert set(upgraded[section]) == set(rows), section
            for key, row in rows.items():
                skip = edited.get((section, key[0]), set())
                mine = {k: v for k, v in upgraded[section][key].items() if k not in skip}
                assert mine == {k: v for k, v in row.items() if k not in skip}, (section, key)
    finally:
        await engine.dispose()


async def test_the_upgrade_runs_once(catalog_db_url: str) -> None:
    engine = make_engine(catalog_db_url)
    try:
        assert await _edition(engine) == 2  # a fresh database holds edition 2 already
        assert await upgrade_seed(make_session_factory(engine)) is None
    finally:
        await engine.dispose()


async def test_processes_starting_together_merge_once(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine)
        await _seed_edition1(engine)
    finally:
        await engine.dispose()
    engines = [make_engine(empty_db_url) for _ in range(3)]
    try:
        found = await asyncio.gather(*(upgrade_seed(make_session_factory(e)) for e in engines))
        assert sorted(found, key=str) == [1, None, None]
        assert await _edition(engines[0]) == 2
    finally:
        for engine in engines:
            await engine.dispose()


async def _insert_edition1_with_the_old_schema(engine: AsyncEngine) -> None:
    """Rows as the edition-1 code wrote them, into the schema of revision 0005."""
    seed = yaml.safe_load(EDITION1.read_text(encoding="utf-8"))
    async with engine.begin() as conn:
        meta = MetaData()
        await conn.run_sync(lambda c: meta.reflect(c))
        for section in ("districts", "producers", "products", "places", "place_products"):
            rows = [dict(row) for row in seed[section]]
            if section == "products":
                for row in rows:
                    names = [row["name_vi"], row["name_en"], *row["aliases"]]
                    row.update(search_text=search_key(names), name_key=fold(row["name_vi"]))
            await conn.execute(insert(meta.tables[section]), rows)


async def test_a_first_edition_database_migrates_and_upgrades(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        await upgrade(engine, "0005_zalo_tokens")
        await _insert_edition1_with_the_old_schema(engine)
        await upgrade(engine)
        assert await _edition(engine) == 2
        async with make_session_factory(engine)() as session:
            counts = [
                await session.scalar(select(func.count()).select_from(m))
                for m in (Product, Place, Event)
            ]
            gate = await session.get(Place, "quang-ninh-gate")
        assert counts == [106, 31, 41]
        assert gate is not None and gate.kind == "rest_stop" and gate.description_en
    finally:
        await engine.dispose()
