"""Excel workbooks: one sheet per section (products, producers, places, districts...)."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path
from typing import Any

from catalog.io.cells import escape_cell
from catalog.io.problems import FileError, RawRow
from catalog.io.readers import LIST_SEPARATOR, table_rows
from catalog.io.schema import LIST_FIELDS, SECTIONS, columns

logger = logging.getLogger(__name__)
# openpyxl (and numpy, which it pulls in) is imported by the two functions below, not here:
# the serving bot imports this module through the console but rarely opens a workbook, and
# the import costs ~0.15 s of start-up and ~17 MiB of resident memory.


def read_xlsx(path: Path) -> dict[str, list[RawRow]]:
    """Reads every sheet named after a section; other sheets are ignored with a warning."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise FileError(f"{path.name}: not a readable .xlsx workbook ({exc})") from None
    result: dict[str, list[RawRow]] = {}
    try:
        for sheet in book.worksheets:
            section = sheet.title.strip().lower()
            if section not in SECTIONS:
                logger.warning("%s: sheet %r ignored (not a section)", path.name, sheet.title)
                continue
            rows = list(sheet.iter_rows(values_only=True))
            if not rows:
                continue
            numbered = [(i, list(r)) for i, r in enumerate(rows[1:], start=2)]
            label = f"{path.name}[{sheet.title}]"
            result[section] = table_rows(label, section, list(rows[0]), numbered)
    finally:
        book.close()
    if not result:
        raise FileError(f"{path.name}: no sheet named {', '.join(SECTIONS)}")
    return result


def _cell(section: str, name: str, value: Any) -> Any:
    if name in LIST_FIELDS.get(section, ()):
        return escape_cell(f" {LIST_SEPARATOR} ".join(str(item) for item in value or []))
    return escape_cell(value)


def write_xlsx(path: Path, sections: dict[str, list[dict[str, Any]]]) -> None:
    """Writes one sheet per section with a header row."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for section, rows in sections.items():
        sheet = book.create_sheet(section)
        names = columns(section)
        sheet.append(names)
        for row in rows:
            sheet.append([_cell(section, n, row.get(n)) for n in names])
    book.save(path)
