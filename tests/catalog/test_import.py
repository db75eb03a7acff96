"""Importing the operator's files: every format, upsert by id, dry run, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.export import FORMATS, export_sections, write
from catalog.io.importer import import_into
from tests.catalog.importing import product, summary, write_csv, write_xlsx

Factory = async_sessionmaker[AsyncSession]
NEW_TEA = {
    "id": "tra-moi",
    "name_vi": "Trà mới Hải Hà",
    "category": "tea",
    "stars": 3,
    "district_id": "hai-ha",
    "aliases": ["trà mới", "new tea"],
    "sources": ["https://example.org/a"],
}


async def test_yaml_creates_and_updates(catalog_session_factory: Factory, tmp_path: Path) -> None:
    gà = {"id": "ga-tien-yen", "name_vi": "Gà Tiên Yên", "category": "poultry", "stars": 4}
    path = tmp_path / "changes.yaml"
    path.write_text(yaml.safe_dump({"products": [NEW_TEA, gà]}, allow_unicode=True), "utf-8")
    result = await import_into(catalog_session_factory, path)
    assert result.ok and summary(result) == {"products": (1, 1, 0)}
    new = await product(catalog_session_factory, "tra-moi")
    assert new is not None and new.aliases == ("trà mới", "new tea")
    assert new.district_name == "Hải Hà"
    updated = await product(catalog_session_factory, "ga-tien-yen")
    assert updated is not None and updated.stars == 4
    # Columns the file does not have are kept, not emptied.
    assert (
        updated.district_id == "tien-yen"
        and updated.sources[0] == "https://nguoichannuoi.vn/?p=35453"
    )


async def test_an_empty_cell_clears_but_a_missing_column_keeps(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "fix.csv",
        ["id", "name_vi", "category", "district_id", "aliases"],
        [["ga-tien-yen", "Gà Tiên Yên", "poultry", "", "gà chính gốc"]],
    )
    result = await import_into(catalog_session_factory, path)
    assert summary(result) == {"products": (0, 1, 0)}
    chicken = await product(catalog_session_factory, "ga-tien-yen")
    assert chicken is not None
    assert (chicken.district_id, chicken.aliases, chicken.stars) == (None, ("gà chính gốc",), 3)
    async with catalog_session_factory() as session:
        from catalog.services import CatalogService

        found = await CatalogService(session).search_products(text="ga chinh goc")
    assert [p.id for p in found.items] == ["ga-tien-yen"]  # the search follows new aliases


async def test_json_and_then_the_same_file_again(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = tmp_path / "tea.json"
    path.write_text(json.dumps({"products": [NEW_TEA]}, ensure_ascii=False), "utf-8")
    assert summary(await import_into(catalog_session_factory, path)) == {"products": (1, 0, 0)}
    assert summary(await import_into(catalog_session_factory, path)) == {"products": (0, 0, 1)}


async def test_csv_with_list_cells_and_text_search(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    header = ["id", "name_vi", "category", "stars", "aliases", "price_vnd", "district_id"]
    path = write_csv(
        tmp_path / "products.csv",
        header,
        [["mien-moi", "Miến mới", "noodles", "4", "miến ngon | bún khô", "55000", "binh-lieu"]],
    )
    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    new = await product(catalog_session_factory, "mien-moi")
    assert new is not None
    assert (new.aliases, new.stars, new.price_vnd) == (("miến ngon", "bún khô"), 4, 55000)
    async with catalog_session_factory() as session:
        from catalog.services import CatalogService

        page = await CatalogService(session).search_products(text="bun kho")
    assert [p.id for p in page.items] == ["mien-moi"]


async def test_csv_kind_is_read_from_the_header(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "shops.csv",
        ["id", "kind", "name_vi", "district_id", "lat", "lon", "sources"],
        [["shop-1", "ocop_sales_point", "Điểm bán mới", "cam-pha", "21.01", "107.29", ""]],
    )
    result = await import_into(catalog_session_factory, path)
    assert summary(result) == {"places": (1, 0, 0)}


async def test_xlsx_with_producers_and_products_sheets(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "catalog.xlsx",
        {
            "Notes": [["anything the operator keeps here is ignored"]],
            "producers": [
                ["id", "name", "type", "district_id"],
                ["htx-moi", "HTX Mới", "cooperative", "ba-che"],
            ],
            "products": [
                ["id", "name_vi", "category", "stars", "producer_id", "price_vnd", "aliases"],
                [
                    "ruou-moi",
                    "Rượu mới",
                    "wine_liquor",
                    4,
                    "htx-moi",
                    250000,
                    "rượu | rượu Ba Chẽ",
                ],
                [None, None, None, None, None, None, None],  # blank rows are skipped
            ],
        },
    )
    result = await import_into(catalog_session_factory, path)
    assert summary(result) == {"producers": (1, 0, 0), "products": (1, 0, 0)}
    new = await product(catalog_session_factory, "ruou-moi")
    assert new is not None and new.producer_name == "HTX Mới" and new.price_vnd == 250000


async def test_dry_run_counts_but_writes_nothing(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = tmp_path / "tea.yaml"
    path.write_text(yaml.safe_dump({"products": [NEW_TEA]}, allow_unicode=True), "utf-8")
    result = await import_into(catalog_session_factory, path, dry_run=True)
    assert result.ok and summary(result) == {"products": (1, 0, 0)}
    assert await product(catalog_session_factory, "tra-moi") is None


@pytest.mark.parametrize("fmt", FORMATS)
async def test_export_then_import_changes_nothing(
    catalog_session_factory: Factory, tmp_path: Path, fmt: str
) -> None:
    async with catalog_session_factory() as session:
        sections = await export_sections(session)
    path = tmp_path / f"export.{fmt}"
    write(sections, fmt, path)
    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    expected = {s: (0, 0, len(rows)) for s, rows in sections.items()}
    if fmt == "csv":
        expected = {"products": (0, 0, 106)}
    assert summary(result) == expected


async def test_events_csv_of_their_own_round_trips(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    async with catalog_session_factory() as session:
        sections = await export_sections(session)
    path = tmp_path / "events.csv"
    write(sections, "csv", path, kind="events")
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,kind,name_vi,name_en,date_start,date_end,")
    result = await import_into(catalog_session_factory, path)  # the kind is guessed
    assert result.ok, [str(p) for p in result.problems]
    assert summary(result) == {"events": (0, 0, 41)}


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ";"), ("utf-8", "\t")])
async def test_csv_as_excel_saves_it(
    catalog_session_factory: Factory, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    """Excel's "CSV UTF-8" starts with a BOM and may separate cells with ';' or tabs."""
    path = tmp_path / "excel.csv"
    rows = [["id", "name_vi", "category", "price_vnd"], ["tra-x", "Trà X", "tea", "120000"]]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding=encoding)
    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    tea = await product(catalog_session_factory, "tra-x")
    assert tea is not None and tea.name_vi == "Trà X" and tea.price_vnd == 120000


async def test_xlsx_numbers_in_text_cells(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "numbers.xlsx",
        {"products": [["id", "name_vi", "category", "star_year"], [2024, 1975, "tea", 2023]]},
    )
    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    tea = await product(catalog_session_factory, "2024")
    assert tea is not None and (tea.name_vi, tea.star_year) == ("1975", "2023")


async def test_yaml_lists_may_be_written_like_csv_cells(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    path = tmp_path / "tea.yaml"
    path.write_text(
        "products:\n- id: tra-y\n  name_vi: Trà Y\n  category: tea\n  aliases: trà y | chè y\n",
        "utf-8",
    )
    assert (await import_into(catalog_session_factory, path)).ok
    tea = await product(catalog_session_factory, "tra-y")
    assert tea is not None and tea.aliases == ("trà y", "chè y")
