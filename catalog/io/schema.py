"""Row models of the import/export format: one pydantic model per section."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from catalog.enums import CATEGORIES, PLACE_KINDS, PRICE_KINDS, PRODUCER_TYPES
from catalog.io.row_base import (
    Confidence,
    Id,
    Lat,
    Located,
    Lon,
    Name,
    Row,
    Short,
    Vnd,
)

# Edition-2 sections (events, figures, online_platforms).
from catalog.io.schema_events import EventRow, FigureRow, OnlinePlatformRow


class DistrictRow(Located):
    id: Id
    name_vi: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    name_en: Annotated[str, StringConstraints(max_length=200)] | None = None
    centre: Annotated[str, StringConstraints(max_length=200)] | None = None
    lat: Lat = None
    lon: Lon = None


class ProducerRow(Row):
    id: Id
    name: Name
    type: Literal[PRODUCER_TYPES]  # type: ignore[valid-type]
    district_id: Id | None = None
    source: str | None = None


class ProductRow(Row):
    id: Id
    name_vi: Name
    name_en: Name | None = None
    aliases: list[str] = Field(default_factory=list)
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    stars: Annotated[int, Field(ge=3, le=5)] | None = None
    star_level: Short | None = None
    star_year: Annotated[str, StringConstraints(max_length=200)] | None = None
    producer_id: Id | None = None
    district_id: Id | None = None
    price_vnd: Vnd | None = None
    price_max_vnd: Vnd | None = None
    price_unit: Short | None = None
    price_note: str | None = None
    unit: Short | None = None
    description: str | None = None
    note: str | None = None
    sources: list[str] = Field(default_factory=list)
    confidence: Confidence = None
    description_vi: str | None = None
    description_en: str | None = None
    ocop_status: str | None = None
    price_stated: str | None = None
    price_kind: Literal[PRICE_KINDS] | None = None  # type: ignore[valid-type]
    price_date: Annotated[str, StringConstraints(max_length=20)] | None = None
    price_source: str | None = None
    price_set_by: Annotated[str, StringConstraints(max_length=64)] | None = None

    @field_validator("star_year", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @field_validator("price_max_vnd")
    @classmethod
    def _price_range(cls, top: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("price_vnd")
        if top is not None and "price_vnd" in info.data and (low is None or top < low):
            raise ValueError("needs a price_vnd that is not above it")
        return top


class PlaceRow(Located):
    id: Id
    kind: Literal[PLACE_KINDS]  # type: ignore[valid-type]
    name_vi: Name
    name_en: Name | None = None
    address: str | None = None
    district_id: Id | None = None
    lat: Lat = None
    lon: Lon = None
    coord_confidence: Confidence = None
    coord_note: str | None = None
    season: str | None = None
    facts: str | None = None
    ocop_link: str | None = None
    venue: str | None = None
    sources: list[str] = Field(default_factory=list)
    confidence: Confidence = None
    description_vi: str | None = None
    description_en: str | None = None
    note: str | None = None


class PlaceProductRow(Row):
    place_id: Id
    product_id: Id
    source: str | None = None


ROW_MODELS: dict[str, type[Row]] = {
    "districts": DistrictRow,
    "producers": ProducerRow,
    "products": ProductRow,
    "places": PlaceRow,
    "place_products": PlaceProductRow,
    "events": EventRow,
    "figures": FigureRow,
    "online_platforms": OnlinePlatformRow,
}
SECTIONS = tuple(ROW_MODELS)
LIST_FIELDS = {
    "products": ("aliases", "sources"),
    "places": ("sources",),
    "events": ("months", "products_featured", "sources"),
    "online_platforms": ("best_sellers",),
}
# Which other section each reference column points at (a list column: each of its items).
REFERENCES = {
    "producers": {"district_id": "districts"},
    "products": {"producer_id": "producers", "district_id": "districts"},
    "places": {"district_id": "districts"},
    "place_products": {"place_id": "places", "product_id": "products"},
    "events": {"place_id": "places", "district_id": "districts", "products_featured": "products"},
    "figures": {"scope": "districts"},
}
# Values a reference column may hold besides ids: a figure's scope may be the province.
NOT_REFERENCES = {("figures", "scope"): frozenset({"province"})}


def row_key(section: str, row: dict[str, Any]) -> tuple[str, ...]:
    """The identity of a row: its id, or (place, product) for links."""
    if section == "place_products":
        return (row["place_id"], row["product_id"])
    return (row["id"],)


def columns(section: str) -> list[str]:
    """The section's columns in file order."""
    return list(ROW_MODELS[section].model_fields)
