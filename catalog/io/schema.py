"""Row models of the import/export format: one pydantic model per section."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from catalog.enums import CATEGORIES, CONFIDENCES, PLACE_KINDS, PRODUCER_TYPES

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Confidence = Literal[CONFIDENCES] | None  # type: ignore[valid-type]
Lat = Annotated[float, Field(ge=-90, le=90)] | None
Lon = Annotated[float, Field(ge=-180, le=180)] | None


class Row(BaseModel):
    """Common rules: trimmed text, empty cells are nulls, unknown columns are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_null(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()
            }
        return data


class Located(Row):
    @model_validator(mode="after")
    def _both_coordinates(self) -> Located:
        lat, lon = getattr(self, "lat", None), getattr(self, "lon", None)
        if (lat is None) != (lon is None):
            raise ValueError("lat and lon must both be given or both be empty")
        return self


class DistrictRow(Located):
    id: Id
    name_vi: str
    name_en: str | None = None
    centre: str | None = None
    lat: Lat = None
    lon: Lon = None


class ProducerRow(Row):
    id: Id
    name: str
    type: Literal[PRODUCER_TYPES]  # type: ignore[valid-type]
    district_id: Id | None = None
    source: str | None = None


class ProductRow(Row):
    id: Id
    name_vi: str
    name_en: str | None = None
    aliases: list[str] = []
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    stars: Annotated[int, Field(ge=3, le=5)] | None = None
    star_level: str | None = None
    star_year: str | None = None
    producer_id: Id | None = None
    district_id: Id | None = None
    price_vnd: Annotated[int, Field(ge=0)] | None = None
    price_max_vnd: Annotated[int, Field(ge=0)] | None = None
    price_unit: str | None = None
    price_note: str | None = None
    unit: str | None = None
    description: str | None = None
    note: str | None = None
    sources: list[str] = []
    confidence: Confidence = None

    @field_validator("star_year", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _price_range(self) -> ProductRow:
        if self.price_max_vnd is not None and (
            self.price_vnd is None or self.price_max_vnd < self.price_vnd
        ):
            raise ValueError("price_max_vnd needs a price_vnd that is not above it")
        return self


class PlaceRow(Located):
    id: Id
    kind: Literal[PLACE_KINDS]  # type: ignore[valid-type]
    name_vi: str
    name_en: str | None = None
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
}
SECTIONS = tuple(ROW_MODELS)
LIST_FIELDS = {"products": ("aliases", "sources"), "places": ("sources",)}
# Which other section each reference column points at.
REFERENCES = {
    "producers": {"district_id": "districts"},
    "products": {"producer_id": "producers", "district_id": "districts"},
    "places": {"district_id": "districts"},
    "place_products": {"place_id": "places", "product_id": "products"},
}


def row_key(section: str, row: dict[str, Any]) -> tuple[str, ...]:
    """The identity of a row: its id, or (place, product) for links."""
    if section == "place_products":
        return (row["place_id"], row["product_id"])
    return (row["id"],)


def columns(section: str) -> list[str]:
    """The section's columns in file order."""
    return list(ROW_MODELS[section].model_fields)
