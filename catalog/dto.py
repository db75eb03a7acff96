"""Plain, frozen data the catalog hands out; callers never see ORM rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
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
class PriceDTO:
    """A price with what it is: a news figure, a market or fair price, or a seller's own.

    ``stated`` is the source's own words ("300.000 đồng"); amounts are whole VND.
    """

    min_vnd: int | None
    max_vnd: int | None
    stated: str
    unit: str | None
    kind: str
    date: str | None
    source: str | None
    set_by: str | None = None


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
    description_vi: str | None = None
    description_en: str | None = None
    ocop_status: str | None = None
    price: PriceDTO | None = None


@dataclass(frozen=True)
class PlaceDTO:
    """A place: OCOP centre or sales point, fair venue, rest stop, site or festival.

    ``months`` are the months (1-12) read from ``season``; empty when unknown.
    ``own_coords`` is True only when the place has coordinates of its own; a place
    without them keeps lat/lon None, and ``nearest_places`` ranks it by its district
    centre with ``approximate=True``.
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
    description_vi: str | None = None
    description_en: str | None = None
    own_coords: bool = False
    note: str | None = None


@dataclass(frozen=True)
class EventDTO:
    """An OCOP fair or festival: a dated edition, or a recurring series (``series``).

    ``months`` are the months it happens: from the dates of an edition, the usual months
    of a series (read by hand from ``recurring``, see catalog/seed/README.md). ``facts``
    and ``recurring`` are English research notes for the operator.
    """

    id: str
    kind: str
    series: bool
    name_vi: str
    name_en: str | None
    date_start: datetime.date | None
    date_end: datetime.date | None
    dates_as_stated: str | None
    months: tuple[int, ...]
    usual_time_vi: str | None
    usual_time_en: str | None
    venue: str | None
    place_id: str | None
    district_id: str | None
    district_name: str | None
    district_name_en: str | None
    products_featured: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: str | None
    facts: str | None
    recurring: str | None
    year: int | None = None  # the edition's year (from the dates or their words)


@dataclass(frozen=True)
class FigureDTO:
    """Counts of OCOP products for the province (scope "province") or a district (its id).

    ``as_of`` is as the source states it ("2022-11-22", "2019-11", "2022-end").
    """

    scope: str
    as_of: str
    products_total: int | None
    products_3_to_5_star: int | None
    stars: dict[str, int]
    entities: int | None
    sales_points: int | None
    source: str
    confidence: str | None
    id: str = ""
    note: str | None = None
    details: dict[str, object] = field(default_factory=dict)  # the source's other figures


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results and the total number of matches."""

    items: list[T]
    total: int
    offset: int
    limit: int
