"""Plain, frozen data the catalog hands out; callers never see ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class DistrictDTO:
    """A district (pre-2025 names) with its centre's approximate coordinates."""

    id: str
    name_vi: str
    name_en: str | None
    centre: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class ProducerDTO:
    """A company, cooperative or household that makes OCOP products."""

    id: str
    name: str
    type: str
    district_id: str | None
    district_name: str | None
    source: str | None


@dataclass(frozen=True)
class ProductDTO:
    """An OCOP product with its producer's and district's names resolved for display.

    Prices are news figures in whole VND (null when no source quotes one); ``price_note``
    says how the source quoted it. ``sources[0]`` is the main source.
    """

    id: str
    name_vi: str
    name_en: str | None
    aliases: tuple[str, ...]
    category: str
    stars: int | None
    star_level: str | None
    star_year: str | None
    producer_id: str | None
    producer_name: str | None
    district_id: str | None
    district_name: str | None
    district_name_en: str | None
    price_vnd: int | None
    price_max_vnd: int | None
    price_unit: str | None
    price_note: str | None
    unit: str | None
    description: str | None
    note: str | None
    sources: tuple[str, ...]
    confidence: str | None


@dataclass(frozen=True)
class PlaceDTO:
    """A place: OCOP centre or sales point, fair venue, rest stop, site or festival.

    ``months`` are the months (1-12) read from ``season``; empty when unknown.
    ``approximate`` is True when lat/lon are the district centre's, not the place's own.
    """

    id: str
    kind: str
    name_vi: str
    name_en: str | None
    address: str | None
    district_id: str | None
    district_name: str | None
    lat: float | None
    lon: float | None
    season: str | None
    months: tuple[int, ...]
    facts: str | None
    ocop_link: str | None
    venue: str | None
    sources: tuple[str, ...]
    confidence: str | None
    approximate: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results and the total number of matches."""

    items: list[T]
    total: int
    offset: int
    limit: int
