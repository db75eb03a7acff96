"""Validates raw rows: field rules, duplicate ids, and references to other sections."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from catalog.io.cells import control_problem
from catalog.io.problems import Problem, RawRow, from_validation
from catalog.io.schema import NOT_REFERENCES, REFERENCES, ROW_MODELS, SECTIONS, row_key

Records = dict[str, list[dict[str, Any]]]


def _check_rows(section: str, rows: list[RawRow]) -> tuple[list[dict[str, Any]], list[Problem]]:
    model = ROW_MODELS[section]
    records: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], str] = {}
    for raw in rows:
        if "__not_a_row__" in raw.data:
            problems.append(Problem(raw.where, "row", "expected a mapping of fields"))
            continue
        unstorable = [
            Problem(raw.where, str(name), why)
            for name, value in raw.data.items()
            if (why := control_problem(value)) is not None
        ]
        if unstorable:  # refused here, not as a raw database error at the commit
            problems.extend(unstorable)
            continue
        try:
            record = model.model_validate(raw.data).model_dump()
        except ValidationError as exc:
            problems.extend(from_validation(raw.where, exc))
            continue
        key = row_key(section, record)
        if key in seen:
            field = "id" if section != "place_products" else "place_id, product_id"
            shown = " + ".join(key)
            problems.append(
                Problem(raw.where, field, f"duplicate {shown!r} (first at {seen[key]})")
            )
            continue
        seen[key] = raw.where
        record["__where__"] = raw.where
        # Columns the file has: an update leaves the others as they are.
        record["__present__"] = frozenset(raw.data) & set(model.model_fields)
        records.append(record)
    return records, problems


def validate(
    raw: dict[str, list[RawRow]], existing: dict[str, set[str]]
) -> tuple[Records, list[Problem]]:
    """Checks every row of every section; nothing stops at the first problem.

    Args:
        raw: rows per section as read from the file.
        existing: ids already in the database, per section.

    Returns:
        The valid records per section (with ``__where__``) and every problem found.
    """
    records: Records = {}
    problems: list[Problem] = []
    for section in SECTIONS:
        if section in raw:
            records[section], found = _check_rows(section, raw[section])
            problems.extend(found)
    known = {
        target: {r["id"] for r in records.get(target, [])} | existing.get(target, set())
        for target in ("districts", "producers", "products", "places")
    }
    for section, refs in REFERENCES.items():
        for record in records.get(section, []):
            for field, target in refs.items():
                value = record.get(field)
                allowed = NOT_REFERENCES.get((section, field), frozenset())
                for item in value if isinstance(value, list) else [value]:
                    if item is not None and item not in known[target] and item not in allowed:
                        noun = target.removesuffix("s")
                        problems.append(
                            Problem(record["__where__"], field, f"unknown {noun} {item!r}")
                        )
    problems.sort(key=lambda p: _order(p.where))
    return records, problems


def _order(where: str) -> tuple[str, int, str]:
    label, _, rest = where.rpartition(":")
    return (label, int(rest), "") if rest.isdigit() else (where, 0, "")
