"""Exports the catalog as YAML, JSON, CSV (one section) or XLSX (one sheet per section)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.io.apply import MODELS
from catalog.io.cells import escape_cell
from catalog.io.readers import LIST_SEPARATOR
from catalog.io.schema import LIST_FIELDS, SECTIONS, columns
from catalog.io.xlsx import write_xlsx

FORMATS = ("yaml", "json", "csv", "xlsx")
Sections = dict[str, list[dict[str, Any]]]


async def export_sections(session: AsyncSession) -> Sections:
    """Every section as plain rows in import-file columns, ordered by key."""
    result: Sections = {}
    for section in SECTIONS:
        model = MODELS[section]
        key = model.__table__.primary_key.columns.values()  # type: ignore[attr-defined]
        rows = (await session.scalars(select(model).order_by(*key))).all()
        names = columns(section)
        result[section] = [{n: getattr(row, n) for n in names} for row in rows]
    return result


def _csv_cell(section: str, name: str, value: Any) -> Any:
    if name in LIST_FIELDS.get(section, ()):
        return escape_cell(f" {LIST_SEPARATOR} ".join(str(item) for item in value or []))
    return "" if value is None else escape_cell(value)


def render(sections: Sections, fmt: str, kind: str = "products") -> str:
    """Renders text formats; CSV holds the one section ``kind``."""
    if fmt == "yaml":
        return yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=100)
    if fmt == "json":
        return json.dumps(sections, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        names = columns(kind)
        writer.writerow(names)
        for row in sections[kind]:
            writer.writerow([_csv_cell(kind, n, row[n]) for n in names])
        return out.getvalue()
    raise ValueError(f"not a text format: {fmt}")


def write(sections: Sections, fmt: str, path: Path, kind: str = "products") -> None:
    """Writes an export file (UTF-8; XLSX as a workbook)."""
    if fmt == "xlsx":
        write_xlsx(path, sections)
        return
    path.write_text(render(sections, fmt, kind), encoding="utf-8", newline="")
