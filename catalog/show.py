"""``python -m catalog show ID``: every field of a product, place or event, for the operator."""

from __future__ import annotations

import dataclasses
from typing import Any

from catalog.services import CatalogService

INDENT = "  "


def _value(value: Any, depth: int) -> list[str]:
    """Lines for one value: scalars inline, lists and nested DTOs below, indented."""
    pad = INDENT * depth
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return ["", *_fields(dataclasses.asdict(value), depth)]
    if isinstance(value, dict):
        return [" (none)"] if not value else ["", *_fields(value, depth)]
    if isinstance(value, list | tuple):
        if not value:
            return [" (none)"]
        return [""] + [f"{pad}- {item}" for item in value]
    if value is None:
        return [" null"]
    text = str(value).splitlines() or [""]
    return [f" {text[0]}"] + [f"{pad}{INDENT}{line}" for line in text[1:]]


def _fields(values: dict[str, Any], depth: int) -> list[str]:
    lines: list[str] = []
    for name, value in values.items():
        first, *rest = _value(value, depth + 1)
        lines.append(f"{INDENT * depth}{name}:{first}")
        lines.extend(rest)
    return lines


async def describe(service: CatalogService, item_id: str) -> str | None:
    """Every field of the product, place or event with this id (None if there is none),
    with the places selling a product and the events featuring it or held at a place."""
    product = await service.get_product(item_id)
    if product is not None:
        extra = {
            "places_selling": [p.id for p in await service.places_selling(item_id)],
            "events_featuring": [e.id for e in await service.events_featuring(item_id)],
        }
        return _render("product", dataclasses.asdict(product) | extra)
    place = await service.get_place(item_id)
    if place is not None:
        events = await service.events(include_past=True)
        extra = {
            "products_sold": [p.id for p in await service.products_at(item_id)],
            "events_here": [e.id for e in events if e.place_id == item_id],
        }
        return _render("place", dataclasses.asdict(place) | extra)
    event = await service.get_event(item_id)
    if event is not None:
        return _render("event", dataclasses.asdict(event))
    return None


def _render(noun: str, values: dict[str, Any]) -> str:
    return "\n".join([f"{noun} {values['id']}", *_fields(values, 1)]) + "\n"
