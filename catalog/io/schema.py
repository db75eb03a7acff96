"""Row models of the import/export format: one pydantic model per section."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from catalog.enums import CATEGORIES, CONFIDENCES, PLACE_KINDS, PRICE_KINDS, PRODUCER_TYPES

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Confidence = Literal[CONFIDENCES] | None  # type: ignore[valid-type]
Name = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Short = Annotated[str, StringConstraints(max_length=40)]
Vnd = Annotated[int, Field(ge=0, le=2_000_000_000)]  # fits a 32-bit INTEGER column
Lat = float | None
Lon = Annotated[float | None, Field(validate_default=True)]
VIETNAM = {"lat": (8.0, 24.0), "lon": (102.0, 110.0)}
LIST_COLUMNS = ("aliases", "sources", "months", "products_featured", "best_sellers")


class Row(BaseModel):
    """Common rules: trimmed text, empty cells are nulls, unknown columns are errors."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, coerce_numbers_to_str=True
    )

    @field_validator(*LIST_COLUMNS, mode="before", check_fields=False)
    @classmethod
    def _split_text_list(cls, value: Any) -> Any:
        if isinstance(value, str):  # "a | b" typed into YAML/JSON as in a CSV cell
            return [part.strip() for part in value.split("|") if part.strip()]
        return [] if value is None else value

    @model_validator(mode="before")
    @classmethod
    def _blank_is_null(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()
            }
        return data


class Located(Row):
    """Rows with optional coordinates: both or neither, and inside Vietnam."""

    @field_validator("lon", check_fields=False)
    @classmethod
    def _both_coordinates(cls, lon: float | None, info: ValidationInfo) -> float | None:
        if "lat" not in info.data:
            return lon  # lat itself was invalid and is reported already
        if (info.data["lat"] is None) != (lon is None):
            raise ValueError("give both lat and lon, or neither")
        return lon

    @field_validator("lat", "lon", check_fields=False)
    @classmethod
    def _in_vietnam(cls, value: float | None, info: ValidationInfo) -> float | None:
        low, high = VIETNAM[info.field_name or "lat"]
        if value is not None and not low <= value <= high:
            raise ValueError(f"{value} is outside Vietnam ({info.field_name} {low}–{high})")
        return value


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
    aliases: list[str] = []
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
    sources: list[str] = []
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
    sources: list[str] = []
    confidence: Confidence = None
    description_vi: str | None = None
    description_en: str | None = None
    note: str | None = None


class PlaceProductRow(Row):
    place_id: Id
    product_id: Id
    source: str | None = None


# Edition-2 sections (events, figures, online_platforms) live in catalog.io.schema_events.
from catalog.io.schema_events import EventRow, FigureRow, OnlinePlatformRow  # noqa: E402

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
