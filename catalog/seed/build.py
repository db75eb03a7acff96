"""Builds catalog/seed/catalog.yaml from the sourced facts file.

Run ``python -m catalog.seed.build [FACTS] [-o OUT]``. Only sourced facts are copied: a
null in the facts file stays null. The mapping decisions are explained in README.md here.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

import yaml

from catalog.seed.prices import parse_vnd

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
SHARED_FACTS = HERE.parents[2] / "shared" / "ocop" / "catalog-facts.yaml"
# A copy of the shared file travels with the repo, so a clone elsewhere can rebuild the seed.
DEFAULT_FACTS = SHARED_FACTS if SHARED_FACTS.exists() else HERE / "facts" / "catalog-facts.yaml"
SEED_FILE = HERE / "catalog.yaml"
KIND_MAP = {"rest_stop_ocop_display": "rest_stop"}

# (place id, product id): which products a place's own source says it sells.
# "ruốc tép" (Hạ Long centre) has no product; "giò lợn Móng Cái" (Big C point) is a pork
# roll, not the Vạn Thành Phát pork, and the source names no producer, so neither is linked.
PLACE_PRODUCTS = [
    ("ocop-center-ha-long", "cha-muc-ha-long-manh-ha"),
    ("ocop-center-ha-long", "sa-sung-thanh-tung"),
    ("ocop-center-ha-long", "muc-ong-co-to-kho"),
    ("ocop-point-bigc-ha-long", "ruoc-hau-bavabi"),
    ("ocop-point-bigc-ha-long", "ga-tien-yen"),
]


def _sources(fact: dict[str, Any]) -> list[str]:
    found = [fact.get("source"), fact.get("also_source"), fact.get("price_source")]
    context = fact.get("price_context") or {}
    found.append(context.get("source"))
    return list(dict.fromkeys(s for s in found if s))


def _note(fact: dict[str, Any]) -> str | None:
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


def _price(fact: dict[str, Any]) -> dict[str, Any]:
    price = fact.get("price")
    empty = {"price_vnd": None, "price_max_vnd": None, "price_unit": None, "price_note": None}
    if not price:
        return empty
    parsed = parse_vnd(str(price["value"]))
    if parsed is None:
        raise ValueError(f"{fact['id']}: cannot read price {price['value']!r}")
    note = f"{price['value']} per {price['unit']}" if price.get("unit") else str(price["value"])
    if price.get("kind"):
        note += f" ({price['kind']})"
    return {
        "price_vnd": parsed[0],
        "price_max_vnd": parsed[1],
        "price_unit": price.get("unit"),
        "price_note": note,
    }


def product(fact: dict[str, Any]) -> dict[str, Any]:
    """Maps one product of the facts file to a catalog row."""
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
        **_price(fact),
        "unit": None,
        "description": None,
        "note": _note(fact),
        "sources": _sources(fact),
        "confidence": fact.get("confidence"),
    }


def place(fact: dict[str, Any]) -> dict[str, Any]:
    """Maps one place of the facts file to a catalog row."""
    keys = ("address", "lat", "lon", "coord_confidence", "coord_note", "season", "facts")
    return {
        "id": fact["id"],
        "kind": KIND_MAP.get(fact["kind"], fact["kind"]),
        "name_vi": fact["name_vi"],
        "name_en": fact.get("name_en"),
        "district_id": fact.get("district"),
        **{key: fact.get(key) for key in keys},
        "ocop_link": fact.get("ocop_link"),
        "venue": fact.get("venue"),
        "sources": _sources(fact),
        "confidence": fact.get("confidence"),
    }


def build(facts: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Builds every seed section from the parsed facts file."""
    district_keys = ("id", "name_vi", "name_en", "centre", "lat", "lon")
    places = {p["id"]: p for p in facts["places"]}
    return {
        "districts": [{k: d.get(k) for k in district_keys} for d in facts["districts"]],
        "producers": [
            {
                "id": p["id"],
                "name": p["name"],
                "type": p["type"],
                "district_id": p.get("district"),
                "source": p.get("source"),
            }
            for p in facts["producers"]
        ],
        "products": [product(p) for p in facts["products"]],
        "places": [place(p) for p in facts["places"]],
        "place_products": [
            {"place_id": pl, "product_id": pr, "source": places[pl].get("source")}
            for pl, pr in PLACE_PRODUCTS
        ],
    }


HEADER = (
    "# Generated by `python -m catalog.seed.build` from ../shared/ocop/catalog-facts.yaml.\n"
    "# Do not edit by hand: change the facts or the builder, then regenerate.\n"
)


def main(argv: list[str] | None = None) -> None:
    """Regenerates the committed seed file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="?", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("-o", "--output", type=Path, default=SEED_FILE)
    args = parser.parse_args(argv)
    facts = yaml.safe_load(args.facts.read_text(encoding="utf-8"))
    text = yaml.safe_dump(build(facts), allow_unicode=True, sort_keys=False, width=100)
    args.output.write_text(HEADER + text, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
