"""A seeded fuzz of the import formats: hostile cells in CSV, XLSX, YAML and JSON files are
reported as problems (or imported), never raised as errors, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl.utils.exceptions import IllegalCharacterError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.importer import import_into
from tests.catalog.importing import write_csv, write_xlsx

SEED = int(os.environ.get("FUZZ_SEED", "2026"))
FILES = int(os.environ.get("FUZZ_FILES", "8"))  # per format
COLUMNS = ["id", "name_vi", "category", "stars", "price_vnd", "aliases", "district_id", "sources"]
CELLS: list[Any] = [
    "tra-moi",
    "Trà mới",
    "tea",
    5,
    -1,
    2**31,
    10**30,
    "١٢",
    "1e400",
    float("nan"),
    "\x00",
    "Trà\x07",
    "=SUM(A1)",
    "@x",
    "+1",
    "-Giảm",
    "x" * 400,
    "",
    None,
    "a | b | =c",
    "ha-long",
    "https://example.org",
    "'=quoted",
    True,
    3.5,
    "\ud800",
]


def hostile_rows(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for n in range(rng.randint(1, 6)):
        row = {c: rng.choice(CELLS) for c in COLUMNS if rng.random() < 0.8}
        row["id"] = rng.choice([f"fz-{n}", rng.choice(CELLS)])
        rows.append(row)
    return rows


def write(path: Path, fmt: str, rows: list[dict[str, Any]]) -> Path:
    if fmt in ("csv", "xlsx"):
        cells = [[_text(r.get(c)) for c in COLUMNS] for r in rows]
        if fmt == "csv":
            return write_csv(path, COLUMNS, cells)
        return write_xlsx(path, {"products": [COLUMNS, *cells]})
    document = {"products": rows}
    if fmt == "json":
        path.write_text(json.dumps(document, default=str), "utf-8", errors="surrogatepass")
    else:
        text = yaml.safe_dump(document, allow_unicode=False)
        path.write_text(text, "utf-8")
    return path


def _text(value: Any) -> Any:
    if isinstance(value, str):
        # Neither a CSV writer nor openpyxl can hold every character; keep what they can.
        return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\\0")
    return value


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "yaml", "json"])
async def test_hostile_files_give_problems_not_errors(
    catalog_session_factory: async_sessionmaker[AsyncSession], tmp_path: Path, fmt: str
) -> None:
    rng = random.Random(f"{SEED}-{fmt}")
    outcomes = []
    for n in range(FILES):
        try:
            path = write(tmp_path / f"f{n}.{fmt}", fmt, hostile_rows(rng))
        except (ValueError, UnicodeEncodeError, yaml.YAMLError, IllegalCharacterError):
            continue  # a file no tool could write; nothing to import
        result = await import_into(catalog_session_factory, path)  # must not raise
        outcomes.append(result.ok)
        assert all(len(str(p)) <= 300 for p in result.problems)
    assert outcomes, "no file was written"
