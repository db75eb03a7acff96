"""Hostile catalog files: formula cells, YAML alias bombs, control characters, huge errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.cells import escape_cell, unescape_cell
from catalog.io.export import export_sections, write
from catalog.io.importer import import_into
from catalog.io.problems import Problem
from tests.catalog.importing import product, summary

Factory = async_sessionmaker[AsyncSession]
# (a leading tab is trimmed like any other whitespace before it is stored)
FORMULAS = ['=HYPERLINK("http://x","Mua")', "+84 912", "-Giảm giá", "@SUM(A1)", "'=quoted"]


@pytest.mark.parametrize("value", [*FORMULAS, "\tTab", "\rCR", "'plain", "Trà hoa vàng", "", "-"])
def test_every_cell_survives_escaping(value: str) -> None:
    assert unescape_cell(escape_cell(value)) == value


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
async def test_formula_names_are_exported_as_text_and_import_back_unchanged(
    catalog_session_factory: Factory, tmp_path: Path, fmt: str
) -> None:
    """Regression: '=…' names went out as they were and became live formulas in XLSX."""
    rows = [
        {"id": f"ten-{i}", "name_vi": name, "category": "tea", "aliases": [name, "chè"]}
        for i, name in enumerate(FORMULAS)
    ]
    source = tmp_path / "names.yaml"
    source.write_text(yaml.safe_dump({"products": rows}, allow_unicode=True), "utf-8")
    assert (await import_into(catalog_session_factory, source)).ok

    async with catalog_session_factory() as session:
        sections = await export_sections(session)
    path = tmp_path / f"export.{fmt}"
    write(sections, fmt, path)
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
    else:
        book = load_workbook(path)  # formulas stay formulas here (no data_only)
        sheet = book["products"]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
        cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t"))]

    result = await import_into(catalog_session_factory, path)
    assert result.ok, [str(p) for p in result.problems]
    assert all(counts.updated == 0 for counts in result.counts.values()), summary(result)
    for i, name in enumerate(FORMULAS):
        tea = await product(catalog_session_factory, f"ten-{i}")
        assert tea is not None and tea.name_vi == name


async def test_a_yaml_alias_bomb_is_refused_small(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    """Regression: a 431-byte alias bomb made import use 459 MB and print 312 MB."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("products: [*i]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = await import_into(catalog_session_factory, path)
    assert not result.ok
    text = "\n".join(str(p) for p in result.problems)
    assert "aliases" in text and len(text) < 500


async def test_nul_and_control_characters_are_refused_with_the_row(
    catalog_session_factory: Factory, tmp_path: Path
) -> None:
    """Regression: a NUL in a name gave a raw DBAPIError on PostgreSQL."""
    path = tmp_path / "nul.csv"
    path.write_text(
        "id,name_vi,category\ntra-nul,Trà\x00 độc,tea\ntra-bel,Trà\x07,tea\n", "utf-8"
    )
    result = await import_into(catalog_session_factory, path)
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        "nul.csv:2: name_vi: contains the control character U+0000; remove it",
        "nul.csv:3: name_vi: contains the control character U+0007; remove it",
    ]
    assert await product(catalog_session_factory, "tra-nul") is None


def test_a_problem_is_printed_short() -> None:
    problem = Problem("big.csv:2", "name_vi", "too long (got " + "x" * 10_000 + ")")
    assert len(str(problem)) <= 300
