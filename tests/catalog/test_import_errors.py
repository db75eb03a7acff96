"""Bad import files: every problem is reported as file:row: field, and nothing is written.

These files are all rejected, so the tests share one database per backend; each checks that
nothing of its file was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.importer import import_into
from tests.catalog.importing import product, write_csv, write_xlsx

Factory = async_sessionmaker[AsyncSession]
HEADER = ["id", "name_vi", "category", "stars", "producer_id", "district_id"]
GOOD = ["tra-tot", "Trà tốt", "tea", "4", "", "hai-ha"]

BAD_ROWS = [
    (["", "Không id", "tea", "", "", ""], "products.csv:3: id: required"),
    (["x-1", "Sai loại", "pizza", "", "", ""], "products.csv:3: category: unknown value 'pizza'"),
    (["x-2", "Bảy sao", "tea", "7", "", ""], "products.csv:3: stars: "),
    (
        ["x-3", "NSX lạ", "tea", "", "no-such", ""],
        "products.csv:3: producer_id: unknown producer 'no-such'",
    ),
    (
        ["x-4", "Huyện lạ", "tea", "", "", "atlantis"],
        "products.csv:3: district_id: unknown district 'atlantis'",
    ),
    (
        ["tra-tot", "Trùng id", "tea", "", "", ""],
        "products.csv:3: id: duplicate 'tra-tot' (first at products.csv:2)",
    ),
    (["X 5!", "Id xấu", "tea", "", "", ""], "products.csv:3: id: 'X 5!' is not an id"),
]


@pytest.mark.parametrize(("row", "expected"), BAD_ROWS)
async def test_one_bad_row_rejects_the_whole_file(
    shared_session_factory: Factory, tmp_path: Path, row: list[str], expected: str
) -> None:
    path = write_csv(tmp_path / "products.csv", HEADER, [GOOD, row])
    result = await import_into(shared_session_factory, path)
    assert [str(p) for p in result.problems if str(p).startswith(expected)], result.problems
    assert len(result.problems) == 1
    assert await product(shared_session_factory, "tra-tot") is None  # the good row too


async def test_every_problem_is_listed_not_just_the_first(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    rows = [GOOD] + [row for row, _ in BAD_ROWS]
    path = write_csv(tmp_path / "products.csv", HEADER, rows)
    result = await import_into(shared_session_factory, path)
    assert len(result.problems) == len(BAD_ROWS)
    assert [p.where for p in result.problems] == [f"products.csv:{n}" for n in range(3, 10)]


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (200, 107.1, "places.yaml:2: lat: 200.0 is outside Vietnam"),
        (107.1, 21.0, "places.yaml:2: lat: 107.1 is outside Vietnam"),  # swapped
        (21.0, None, "places.yaml:2: lon: give both lat and lon, or neither"),
        ("north", 107.1, "places.yaml:2: lat: "),
    ],
)
async def test_bad_coordinates(
    shared_session_factory: Factory, tmp_path: Path, lat: object, lon: object, expected: str
) -> None:
    place = {"id": "shop-x", "kind": "ocop_sales_point", "name_vi": "X", "lat": lat, "lon": lon}
    path = tmp_path / "places.yaml"
    path.write_text(yaml.safe_dump({"places": [place]}), "utf-8")
    result = await import_into(shared_session_factory, path)
    assert [str(p) for p in result.problems if str(p).startswith(expected)], result.problems


@pytest.mark.parametrize("encoding", ["cp1258", "latin-1"])
async def test_a_csv_that_is_not_utf8_is_refused_clearly(
    shared_session_factory: Factory, tmp_path: Path, encoding: str
) -> None:
    name = "Trà" if encoding == "cp1258" else "Caf\u00e9"
    row = [["tra-x", name, "tea", "", "", ""]]
    path = write_csv(tmp_path / "excel.csv", HEADER, row, encoding)
    result = await import_into(shared_session_factory, path)
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("excel.csv: not UTF-8")
    assert await product(shared_session_factory, "tra-x") is None


async def test_unreadable_files(shared_session_factory: Factory, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("products: [\n  - id: a\n", "utf-8")
    fake_xlsx = tmp_path / "fake.xlsx"
    fake_xlsx.write_text("not a workbook", "utf-8")
    odd = tmp_path / "list.txt"
    odd.write_text("x", "utf-8")
    for path, expected in [
        (broken, "broken.yaml:"),
        (fake_xlsx, "fake.xlsx: not a readable .xlsx"),
        (odd, "list.txt: unsupported file type"),
        (tmp_path / "missing.csv", "missing.csv: cannot read"),
    ]:
        result = await import_into(shared_session_factory, path)
        assert len(result.problems) == 1 and str(result.problems[0]).startswith(expected)


async def test_xlsx_problems_name_the_sheet_and_row(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "products": [HEADER, GOOD],
            "producers": [["id", "name", "type"], ["p-1", "Nhà làm", "startup"]],
        },
    )
    result = await import_into(shared_session_factory, path)
    assert [str(p).split(" (")[0] for p in result.problems] == [
        "book.xlsx[producers]:2: type: unknown value 'startup'"
    ]
    assert await product(shared_session_factory, "tra-tot") is None


async def test_yaml_rows_report_their_line_and_unknown_columns(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = tmp_path / "tea.yaml"
    path.write_text(
        "products:\n- id: tra-a\n  name_vi: A\n  category: tea\n"
        "- id: tra-b\n  name_vi: B\n  category: tea\n  colour: green\n",
        "utf-8",
    )
    result = await import_into(shared_session_factory, path)
    assert [str(p) for p in result.problems] == ["tea.yaml:5: colour: unknown column"]


async def test_price_range_must_make_sense(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "prices.csv",
        ["id", "name_vi", "category", "price_vnd", "price_max_vnd"],
        [["a-1", "A", "tea", "500000", "400000"], ["a-2", "B", "tea", "-5", ""]],
    )
    result = await import_into(shared_session_factory, path)
    assert [(p.where, p.field) for p in result.problems] == [
        ("prices.csv:2", "price_max_vnd"),
        ("prices.csv:3", "price_vnd"),
    ]


async def test_values_too_big_for_the_database_are_refused_before_writing(
    shared_session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "big.csv",
        ["id", "name_vi", "category", "price_vnd"],
        [["a-1", "A" * 301, "tea", ""], ["a-2", "B", "tea", "3000000000"]],
    )
    result = await import_into(shared_session_factory, path)
    assert [(p.where, p.field) for p in result.problems] == [
        ("big.csv:2", "name_vi"),
        ("big.csv:3", "price_vnd"),
    ]


async def test_csv_header_problems(shared_session_factory: Factory, tmp_path: Path) -> None:
    twice = write_csv(tmp_path / "twice.csv", ["id", "name_vi", "id"], [["a", "A", "b"]])
    result = await import_into(shared_session_factory, twice)
    assert [str(p) for p in result.problems] == ["twice.csv: column id appears more than once"]
    extra = write_csv(
        tmp_path / "extra.csv", ["id", "name_vi", "category"], [["tra-e", "E", "tea", "oops"]]
    )
    result = await import_into(shared_session_factory, extra)
    assert [str(p) for p in result.problems] == ["extra.csv:2: column 4: unknown column"]
    assert await product(shared_session_factory, "tra-e") is None
