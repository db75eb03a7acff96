"""Imports a file into the catalog: read, validate everything, then write or write nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.apply import Counts, apply
from catalog.io.problems import FileError, Problem, RawRow
from catalog.io.readers import read_csv, read_json, read_yaml
from catalog.io.validate import validate
from catalog.io.xlsx import read_xlsx
from catalog.models import District, Place, Producer, Product

logger = logging.getLogger(__name__)


@dataclass
class ImportResult:
    """Problems found (empty means the rows were written) and counts per section."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_file(path: Path, kind: str | None = None) -> dict[str, list[RawRow]]:
    """Reads any supported file by its extension.

    Raises:
        FileError: the file cannot be read or has an unsupported extension.
    """
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".json":
        return read_json(path)
    if suffix == ".csv":
        return read_csv(path, kind)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise FileError(
        f"{path.name}: unsupported file type {suffix or '(none)'}; use yaml, json, csv or xlsx"
    )


async def existing_ids(session: AsyncSession) -> dict[str, set[str]]:
    """Ids already in the database, per referable section."""
    result = {}
    for section, model in (
        ("districts", District),
        ("producers", Producer),
        ("products", Product),
        ("places", Place),
    ):
        result[section] = set((await session.scalars(select(model.id))).all())
    return result


async def import_rows(
    session: AsyncSession, raw: dict[str, list[RawRow]], *, keep_existing: bool = False
) -> ImportResult:
    """Validates all rows and, only if every row is good, upserts them in ``session``.

    The caller owns the transaction: commit to keep, roll back for a dry run.
    """
    records, problems = validate(raw, await existing_ids(session))
    if problems:
        return ImportResult(problems=problems)
    return ImportResult(counts=await apply(session, records, keep_existing=keep_existing))


async def import_file(session: AsyncSession, path: Path, kind: str | None = None) -> ImportResult:
    """Reads, validates and upserts one file; a file-level error becomes one problem."""
    try:
        raw = read_file(path, kind)
    except FileError as exc:
        return ImportResult(problems=[exc.problem()])
    return await import_rows(session, raw)


async def import_into(
    session_factory: async_sessionmaker[AsyncSession],
    path: Path,
    *,
    kind: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Imports a file in one transaction of its own: committed only if every row is good.

    Args:
        session_factory: sessions on a migrated database.
        path: a .yaml/.yml, .json, .csv or .xlsx file.
        kind: the section a CSV holds (guessed from its header when None).
        dry_run: validate and count, then roll back.

    Returns:
        The problems (nothing was written if any) and the counts per section.
    """
    async with session_factory() as session, session.begin():
        result = await import_file(session, path, kind)
        if not result.ok or dry_run:
            await session.rollback()
    logger.info("import %s: %s", path.name, "ok" if result.ok else "rejected")
    return result
