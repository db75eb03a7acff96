"""Edition-2 fields through import: events (their own CSV, a sheet in XLSX), prices, places."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.importer import import_into
from catalog.services import CatalogService
from tests.catalog.importing import product, summary, write_csv, write_xlsx

Factory = async_sessionmaker[AsyncSession]
HEADER = ["id", "kind", "name_vi", "date_start", "date_end", "months", "products_featured"]
GOOD = ["hoi-cho-thu-2026", "ocop_fair", "Hội chợ OCOP Thu 2026", "2026-10-20", "2026-10-25"]
GOOD += ["10", "ga-tien-yen | mien-dong-binh-lieu"]

BAD_ROWS = [
    (["e-1", "concert", "Ca nhạc", "", "", "", ""], "events.csv:3: kind: unknown value"),
    (["e-2", "festival", "Ngày lạ", "2026-02-30", "", "", ""], "events.csv:3: date_start: "),
    (
        ["e-3", "festival", "Ngược", "2026-05-10", "2026-05-01", "", ""],
        "events.csv:3: date_end: needs a date_start that is not after it",
    ),
    (["e-4", "festival", "Tháng 13", "", "", "13", ""], "events.csv:3: months: "),
    (
        ["e-6", "festival", "Ngày 31/2", "31/2/2026", "", "", ""],
        "events.csv:3: date_start: '31/2/2026' is not a date (day/month/year)",
    ),
    (
        ["e-5", "ocop_fair", "Hàng lạ", "", "", "", "ga-tien-yen | pizza"],
        "events.csv:3: products_featured: unknown product 'pizza'",
    ),
]


async def _event(factory: Factory, event_id: str):
    async with factory() as session:
        return await CatalogService(session).get_event(event_id)


@pytest.mark.parametrize(("row", "expected"), BAD_ROWS)
async def test_a_bad_event_row_rejects_the_whole_file(
    shared_session_factory: Factory, tmp_path: Path, row: list[str], expected: str
) -> None:
    path = write_csv(tmp_path / "events.csv", HEADER, [GOOD, row])
    result = await import_into(shared_session_factory, path, kind="events")
    assert [str(p) for p in result.problems if str(p).startswith(expected)], result.problems
    assert len(result.problems) == 1
    assert await _event(shared_session_factory, "hoi-cho-thu-2026") is None  # nor the good row


async def test_an_operator_adds_a_fair_from_a_csv_of_its_own(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    typed = [*GOOD[:3], "20/10/2026", "25/10/2026", *GOOD[5:]]  # dates as Vietnamese write them
    row = [*typed, "Cung Quy hoạch", "https://example.vn/a | https://b.vn"]
    path = write_csv(tmp_path / "hoi-cho.csv", [*HEADER, "venue", "sources"], [row])
    result = await import_into(catalog_session_factory, path, kind="events")
    assert result.ok and summary(result) == {"events": (1, 0, 0)}
    fair = await _event(catalog_session_factory, "hoi-cho-thu-2026")
    assert fair is not None
    assert (fair.date_start, fair.date_end, fair.months, fair.series) == (
        datetime.date(2026, 10, 20), datetime.date(2026, 10, 25), (10,), False
    )  # fmt: skip
    assert fair.products_featured == ("ga-tien-yen", "mien-dong-binh-lieu")
    assert fair.sources == ("https://example.vn/a", "https://b.vn")
    async with catalog_session_factory() as session:
        featuring = await CatalogService(session).events_featuring("ga-tien-yen")
    assert "hoi-cho-thu-2026" in {e.id for e in featuring}


async def test_an_events_sheet_and_a_price_in_one_workbook(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    """Excel turns typed dates into date cells; a price keeps its words, unit and kind."""
    path = write_xlsx(tmp_path / "catalog.xlsx", {
        "events": [
            ["id", "kind", "name_vi", "date_start", "products_featured"],
            ["le-hoi-moi", "festival", "Lễ hội mới", datetime.datetime(2027, 3, 8), ""],
        ],
        "products": [
            ["id", "name_vi", "category", "price_vnd", "price_stated", "price_unit", "price_kind"],
            ["ga-tien-yen", "Gà Tiên Yên", "poultry", 250000, "250.000 đ/kg", "kg", "seller"],
        ],
    })  # fmt: skip
    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    event = await _event(catalog_session_factory, "le-hoi-moi")
    assert event is not None and event.date_start == datetime.date(2027, 3, 8)
    chicken = await product(catalog_session_factory, "ga-tien-yen")
    assert chicken is not None and chicken.price is not None
    assert (chicken.price.stated, chicken.price.unit, chicken.price.kind) == (
        "250.000 đ/kg", "kg", "seller"
    )  # fmt: skip


async def test_a_price_kind_that_does_not_exist_is_refused(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "products.csv",
        ["id", "name_vi", "category", "price_kind"],
        [["ga-tien-yen", "Gà Tiên Yên", "poultry", "rumour"]],
    )
    result = await import_into(shared_session_factory, path)
    assert [str(p) for p in result.problems] == [
        "products.csv:2: price_kind: unknown value 'rumour' (expected 'news', 'market',"
        " 'fair' or 'seller')"
    ]


async def test_a_figure_scope_must_be_the_province_or_a_district(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "figures.csv",
        ["id", "scope", "as_of", "products_total", "source"],
        [
            ["province-2027", "province", "2027", "600", "https://example.vn"],
            ["atlantis-2027", "atlantis", "2027", "1", "https://example.vn"],
        ],
    )
    result = await import_into(shared_session_factory, path, kind="figures")
    assert [str(p) for p in result.problems] == [
        "figures.csv:3: scope: unknown district 'atlantis'"
    ]


async def test_an_xlsx_export_has_an_events_sheet_that_imports_back_unchanged(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from catalog.io.export import export_sections, write

    async with catalog_session_factory() as session:
        sections = await export_sections(session)
    path = tmp_path / "catalog.xlsx"
    write(sections, "xlsx", path)
    book = load_workbook(path, read_only=True)
    try:
        assert {"products", "places", "events", "figures"} <= set(book.sheetnames)
        rows = list(book["events"].iter_rows(values_only=True))
    finally:
        book.close()
    assert len(rows) == 42 and rows[0][:3] == ("id", "kind", "name_vi")
    result = await import_into(catalog_session_factory, path)
    assert result.ok and summary(result)["events"] == (0, 0, 41)
