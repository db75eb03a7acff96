"""Facts -> seed rows for districts, producers, products and places (see seed/README.md)."""

from __future__ import annotations

from typing import Any

from catalog.seed.prices import parse_vnd

KIND_MAP = {"rest_stop_ocop_display": "rest_stop"}
# The facts' price.kind in words -> catalog.enums.PRICE_KINDS (first match wins).
PRICE_KIND_WORDS = (("market", "market"), ("fair", "fair"), ("news", "news"))


def sources(fact: dict[str, Any]) -> list[str]:
    """Every URL of a fact, main source first, without repeats."""
    found = [fact.get("source"), fact.get("also_source"), fact.get("price_source")]
    found.append((fact.get("price_context") or {}).get("source"))
    found.append(fact.get("star_source"))
    found.extend(fact.get("more_sources") or [])
    return list(dict.fromkeys(s for s in found if s))


def research_note(fact: dict[str, Any]) -> str | None:
    """The operator's research notes of a product, one per line (as in edition 1)."""
    parts = [fact.get("note")]
    if fact.get("producer_note"):
        parts.append(f"Producer: {fact['producer_note']}")
    if fact.get("star_note"):
        parts.append(f"Stars: {fact['star_note']}")
    if fact.get("vietgap"):
        parts.append("VietGAP-certified (per source)")
    context = fact.get("price_context")
    if context:
        parts.append(
            f"{context['kind'].capitalize()} (not this product's price): {context['value']}"
            f" per {context['unit']} ({context['source']})"
        )
    text = "\n".join(p for p in parts if p)
    return text or None


def price_kind(words: str) -> str:
    """Maps the facts' description of a price ("fair price quoted in news") to a kind."""
    for needle, kind in PRICE_KIND_WORDS:
        if needle in words.lower():
            return kind
    raise ValueError(f"unknown price kind {words!r}")


def price(fact: dict[str, Any]) -> dict[str, Any]:
    """The structured price columns; all null when no source quotes a price."""
    quoted = fact.get("price")
    names = ("price_vnd", "price_max_vnd", "price_unit", "price_note", "price_stated")
    if not quoted:
        extra = ("price_kind", "price_date", "price_source", "price_set_by")
        return dict.fromkeys(names + extra)
    parsed = parse_vnd(str(quoted["value"]))
    if parsed is None:
        raise ValueError(f"{fact['id']}: cannot read price {quoted['value']!r}")
    note = "; ".join(str(p) for p in (quoted.get("kind"), fact.get("price_note")) if p)
    return {
        "price_vnd": parsed[0],
        "price_max_vnd": parsed[1],
        "price_unit": quoted.get("unit"),
        "price_note": note or None,
        "price_stated": str(quoted["value"]),
        "price_kind": price_kind(str(quoted.get("kind") or "news")),
        "price_date": None if quoted.get("date") is None else str(quoted["date"]),
        "price_source": fact.get("price_source") or fact.get("source"),
        "price_set_by": None,
    }


def product(fact: dict[str, Any]) -> dict[str, Any]:
    """Maps one product of the facts file to a catalog row."""
    money = price(fact)
    return {
        "id": fact["id"],
        "name_vi": fact["name_vi"],
        "name_en": fact.get("name_en"),
        "aliases": list(fact.get("aliases") or []),
        "category": fact["category"],
        "stars": fact.get("stars"),
        "star_level": fact.get("star_level"),
        "star_year": None if fact.get("star_year") is None else str(fact["star_year"]),
        "producer_id": fact.get("producer"),
        "district_id": fact.get("district"),
        **{k: money.pop(k) for k in ("price_vnd", "price_max_vnd", "price_unit", "price_note")},
        "unit": None,
        "description": None,
        "note": research_note(fact),
        "sources": sources(fact),
        "confidence": fact.get("confidence"),
        "description_vi": fact.get("note_vi"),
        "description_en": fact.get("note_en"),
        "ocop_status": fact.get("ocop_status"),
        **money,
    }


def place(fact: dict[str, Any]) -> dict[str, Any]:
    """Maps one place of the facts file to a catalog row."""
    keys = ("address", "lat", "lon", "coord_confidence", "coord_note", "season", "facts")
    notes = [("Source", fact.get("source_note")), ("Sells", fact.get("sells_note"))]
    note = "\n".join(f"{label}: {text}" for label, text in notes if text)
    return {
        "id": fact["id"],
        "kind": KIND_MAP.get(fact["kind"], fact["kind"]),
        "name_vi": fact["name_vi"],
        "name_en": fact.get("name_en"),
        "district_id": fact.get("district"),
        **{key: fact.get(key) for key in keys},
        "ocop_link": fact.get("ocop_link"),
        "venue": fact.get("venue"),
        "sources": sources(fact),
        "confidence": fact.get("confidence"),
        "description_vi": fact.get("note_vi"),
        "description_en": fact.get("note_en"),
        "note": note or None,
    }


def district(fact: dict[str, Any]) -> dict[str, Any]:
    """A district (its coord_confidence, always "medium", is not stored)."""
    return {k: fact.get(k) for k in ("id", "name_vi", "name_en", "centre", "lat", "lon")}


def producer(fact: dict[str, Any]) -> dict[str, Any]:
    """A producer: name, type, district and main source."""
    return {
        "id": fact["id"],
        "name": fact["name"],
        "type": fact["type"],
        "district_id": fact.get("district"),
        "source": fact.get("source"),
    }
