"""Upgrades a database seeded from an older seed edition, keeping the operator's edits.

A field-level three-way merge, per row of every section of the current seed:

- base = the row in the older edition's seed file (``editions/edition<N>.yaml``, frozen),
- ours = the row in the database (the seed as loaded, plus imports by the operator or
  producers since),
- theirs = the row in the current seed (``catalog.yaml``).

A field whose database value still equals the base value was never edited: it takes the
new edition's value. A field that differs from the base was edited: it keeps the database
value. A row the database lacks is added; a row the base did not have but the database has
(the operator created that id) is left as it is. Nothing is deleted. Columns the older
edition did not have count as null (empty list) in the base, which is what the migration
left in the database. Columns that state one fact together (a price, coordinates, an
event's dates) are merged as one: an edited price keeps its own unit, words and source.

The ``seed_editions`` table says which edition a database holds; the merge runs once, in
one transaction, right after the migrations (``catalog.migrate.upgrade``).
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.io.apply import Counts, apply, existing_rows
from catalog.io.importer import existing_ids
from catalog.io.readers import read_yaml
from catalog.io.schema import SECTIONS, row_key
from catalog.io.validate import Records, validate
from catalog.migrate import pg_lock
from catalog.models import SeedEdition
from catalog.seed.build import EDITION

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
SEED_NAME = "catalog"
#: The frozen seed file of every older edition: the base of the merge from it.
BASES = {1: HERE / "editions" / "edition1.yaml"}
#: Columns that state one fact together: merged as a whole.
GROUPS = (
    (
        "price_vnd",
        "price_max_vnd",
        "price_unit",
        "price_note",
        "price_stated",
        "price_kind",
        "price_date",
        "price_source",
        "price_set_by",
    ),
    ("lat", "lon", "coord_confidence", "coord_note"),
    ("date_start", "date_end", "dates_as_stated", "months"),
)


class SeedUpgradeError(RuntimeError):
    """A shipped seed file does not validate (a bug in the seed or its builder)."""


async def record_edition(session: AsyncSession, edition: int) -> None:
    """Writes which seed edition the database holds (in the caller's transaction)."""
    now = datetime.datetime.now(datetime.UTC)
    await session.merge(SeedEdition(name=SEED_NAME, edition=edition, updated_at=now))


def _records(path: Path, existing: dict[str, set[str]]) -> Records:
    records, problems = validate(read_yaml(path), existing)
    if problems:
        raise SeedUpgradeError("; ".join(str(p) for p in problems[:10]))
    return records


async def merge(session: AsyncSession, base_file: Path, new_file: Path) -> dict[str, Counts]:
    """Merges ``new_file`` into the database with ``base_file`` as the common ancestor.

    Returns:
        Created/updated/unchanged counts per section.
    """
    base = _records(base_file, {})
    theirs = _records(new_file, await existing_ids(session))
    for section in SECTIONS:
        rows = theirs.get(section, [])
        ancestors = {row_key(section, r): r for r in base.get(section, [])}
        ours = await existing_rows(session, section, [row_key(section, r) for r in rows])
        for record in rows:
            key = row_key(section, record)
            current, ancestor = ours.get(key), ancestors.get(key)
            if current is None:
                continue  # a new row: inserted whole
            record["__present__"] = _unedited(current, ancestor, record)
    return await apply(session, theirs)


def _unedited(current: Any, ancestor: dict[str, Any] | None, record: dict[str, Any]) -> set:
    """The fields whose database value is still the older seed's (so the new one may win).

    Fields of one fact go together: if the operator edited any of them, none takes the
    new edition's value (an edited price keeps its own unit, words and source).
    """
    if ancestor is None:
        return set()  # the operator's own row under an id the seed now uses
    fields = [k for k in record if not k.startswith("__")]
    same = {k for k in fields if getattr(current, k) == ancestor.get(k)}
    for group in GROUPS:
        if any(k in record and k not in same for k in group):
            same -= set(group)
    return same


async def upgrade_seed(session_factory: async_sessionmaker[AsyncSession]) -> int | None:
    """Brings a database seeded from an older edition to the current one, once.

    Processes starting together take turns (PostgreSQL: advisory lock; SQLite: the write
    lock, taken before reading the edition); the later ones find the new edition and do
    nothing. A database without a recorded edition (empty, or loaded by the operator
    without the seed) is left alone.

    Returns:
        The edition the database was upgraded from, or None if nothing was done.
    """
    async with session_factory() as session, session.begin():
        await pg_lock(await session.connection())
        table = SeedEdition.__table__
        # A write first: SQLite then holds its write lock for the whole transaction.
        await session.execute(
            update(table).where(table.c.name == SEED_NAME).values(edition=table.c.edition)
        )
        found = await session.scalar(select(table.c.edition).where(table.c.name == SEED_NAME))
        if found is None or found >= EDITION:
            return None
        if found not in BASES:
            raise SeedUpgradeError(f"no base file for seed edition {found}")
        counts = await merge(session, BASES[found], HERE / "catalog.yaml")
        await record_edition(session, EDITION)
    for section, count in counts.items():
        logger.info("seed edition %s -> %s: %s: %s", found, EDITION, section, count)
    return found
