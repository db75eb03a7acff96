"""Shared rules of every import row: ids, names, confidences, blanks, coordinates."""

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

from catalog.enums import CONFIDENCES

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
