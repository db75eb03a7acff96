"""Writes validated records: insert new ids, update changed rows, count the unchanged."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.io.schema import SECTIONS, row_key
from catalog.models import (
    Base,
    District,
    Event,
    Figure,
    OnlinePlatform,
    Place,
    PlaceProduct,
    Producer,
    Product,
)
from catalog.text import fold, search_key

logger = logging.getLogger(__name__)

CHUNK = 500

MODELS: dict[str, type[Base]] = {
    "districts": District,
    "producers": Producer,
    "products": Product,
    "places": Place,
    "place_products": PlaceProduct,
    "events": Event,
    "figures": Figure,
    "online_platforms": OnlinePlatform,
}


@dataclass
class Counts:
    """What an import did (or would do) to one section."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def _derive(section: str, row: Any) -> None:
    """Keeps the search columns in step with the names."""
    if section == "products":
        row.search_text = search_key([row.name_vi, row.name_en, *(row.aliases or [])])
        row.name_key = fold(row.name_vi)


def _key(section: str, row: Any) -> tuple[str, ...]:
    if section == "place_products":
        return (row.place_id, row.product_id)
    return (row.id,)


async def existing_rows(session: AsyncSession, section: str, keys: list[tuple[str, ...]]) -> dict:
    """The rows already stored under these keys, fetched in chunks (bound-parameter limits)."""
    model = MODELS[section]
    found: dict[tuple[str, ...], Any] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        if section == "place_products":
            where = tuple_(PlaceProduct.place_id, PlaceProduct.product_id).in_(chunk)
        else:
            where = model.id.in_([k[0] for k in chunk])  # type: ignore[attr-defined]
        for row in (await session.scalars(select(model).where(where))).all():
            found[_key(section, row)] = row
    return found


async def apply(
    session: AsyncSession, records: dict[str, list[dict[str, Any]]], *, keep_existing: bool = False
) -> dict[str, Counts]:
    """Upserts records by id inside the caller's transaction.

    Args:
        session: the caller's session; nothing is committed here.
        records: validated rows per section.
        keep_existing: only insert new keys; rows already there count as unchanged.

    Returns:
        Created/updated/unchanged counts per section present in ``records``.
    """
    summary: dict[str, Counts] = {}
    for section in SECTIONS:
        if section not in records:
            continue
        counts = summary[section] = Counts()
        rows = records[section]
        keys = [row_key(section, r) for r in rows]
        existing = await existing_rows(session, section, keys) if rows else {}
        for record in rows:
            values = {k: v for k, v in record.items() if not k.startswith("__")}
            current = existing.get(row_key(section, values))
            if current is None:
                current = MODELS[section](**values)
                _derive(section, current)
                session.add(current)
                counts.created += 1
                continue
            present = () if keep_existing else record.get("__present__", values.keys())
            changed = {k: values[k] for k in present if getattr(current, k) != values[k]}
            for key, value in changed.items():
                setattr(current, key, value)
            _derive(section, current)
            if changed:
                counts.updated += 1
            else:
                counts.unchanged += 1
        await session.flush()
        logger.info("%s: %s", section, counts)
    return summary
