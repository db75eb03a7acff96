"""Helpers for import tests: write files the way an operator would."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.dto import ProductDTO
from catalog.services import CatalogService


def write_csv(
    path: Path, header: list[str], rows: list[list[Any]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


async def product(factory: async_sessionmaker[AsyncSession], product_id: str) -> ProductDTO | None:
    async with factory() as session:
        return await CatalogService(session).get_product(product_id)


def summary(result: Any) -> dict[str, tuple[int, int, int]]:
    return {s: (c.created, c.updated, c.unchanged) for s, c in result.counts.items()}
