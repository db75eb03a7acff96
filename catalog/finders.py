"""Pure place logic behind CatalogService: distances, seasons, the NLU gazetteer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from catalog.dto import DistrictDTO, PlaceDTO, ProductDTO
from catalog.geo import haversine_km


def nearest(
    lat: float,
    lon: float,
    places: Iterable[PlaceDTO],
    districts: Iterable[DistrictDTO],
    limit: int,
) -> list[tuple[PlaceDTO, float]]:
    """Places by distance; one without coordinates stands at its district centre.

    Such a place comes back with ``approximate=True`` and its lat/lon still None (it has
    no position to show); a place with neither its own coordinates nor a located district
    is left out.
    """
    centres = {d.id: d for d in districts if d.lat is not None and d.lon is not None}
    found: list[tuple[PlaceDTO, float]] = []
    for place in places:
        if place.lat is not None and place.lon is not None:
            found.append((place, haversine_km(lat, lon, place.lat, place.lon)))
            continue
        centre = centres.get(place.district_id or "")
        if centre is None:
            continue
        km = haversine_km(lat, lon, centre.lat, centre.lon)  # type: ignore[arg-type]
        found.append((replace(place, approximate=True), km))
    found.sort(key=lambda pair: (pair[1], pair[0].id))
    return found[: max(0, limit)]


def on_in_month(place: PlaceDTO, month: int) -> bool:
    """Whether a visitor can go in that month.

    A festival needs a season that includes the month (unknown season: no); any other
    place is open all year unless its season says otherwise.
    """
    if place.months:
        return month in place.months
    return place.kind != "festival"


def gazetteer(
    products: Sequence[ProductDTO], districts: Sequence[DistrictDTO], places: Sequence[PlaceDTO]
) -> dict[str, list[dict[str, Any]]]:
    """The names the NLU recognises, as plain lists of dicts (``district`` is an id; a
    product's ``producer_name`` lets "ruốc hàu Bavabi" pick Bavabi's floss)."""
    return {
        "products": [
            {
                "id": p.id,
                "name_vi": p.name_vi,
                "name_en": p.name_en,
                "aliases": list(p.aliases),
                "category": p.category,
                "district": p.district_id,
                "producer_name": p.producer_name,
            }
            for p in products
        ],
        "districts": [{"id": d.id, "name_vi": d.name_vi, "name_en": d.name_en} for d in districts],
        "places": [
            {
                "id": p.id,
                "name_vi": p.name_vi,
                "name_en": p.name_en,
                "kind": p.kind,
                "district": p.district_id,
            }
            for p in places
        ],
    }
