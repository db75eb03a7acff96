"""Reads what the person talks about: mentioned products and places, or the remembered ones."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.nlu import Parse
from bot.core.turn import Turn
from catalog.dto import DistrictDTO, PlaceDTO
from catalog.services import CatalogService


def catalog(turn: Turn) -> CatalogService:
    """Returns the catalog service on this turn's transaction."""
    return CatalogService(turn.session)


def product_mentions(parse: Parse | None) -> list[list[str]]:
    """Groups product entities by the words they came from: one list per mention.

    A generic mention ("trà hoa vàng") yields several ids on the same span; two spans
    ("A và B") are two products.
    """
    if parse is None:
        return []
    groups: dict[tuple[int | None, int | None], list[str]] = {}
    for entity in parse.entities:
        if entity.entity == "product" and isinstance(entity.value, str):
            span = groups.setdefault((entity.start, entity.end), [])
            if entity.value not in span:
                span.append(entity.value)
    mentions: list[list[str]] = []
    for ids in groups.values():
        if ids not in mentions:
            mentions.append(ids)
    return mentions


@dataclass
class Where:
    """A place the person named: a district, a specific place, or nothing."""

    district: DistrictDTO | None = None
    place: PlaceDTO | None = None
    unknown: list[str] = field(default_factory=list)

    @property
    def district_id(self) -> str | None:
        if self.district:
            return self.district.id
        return self.place.district_id if self.place else None


async def mentioned_place(turn: Turn) -> Where:
    """Resolves the first location entity to a district or a place of the catalog."""
    where = Where()
    service = catalog(turn)
    for value in turn.parse.values("location") if turn.parse else []:
        value = str(value)
        district = await service.get_district(value)
        if district:
            return Where(district=district)
        place = await service.get_place(value)
        if place:
            return Where(place=place)
        where.unknown.append(value)
    return where


def district_label(turn: Turn, district: DistrictDTO) -> str:
    return (district.name_en if turn.lang == "en" else None) or district.name_vi
