"""Row models of the edition-2 sections: events, figures, online_platforms."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from catalog.enums import EVENT_KINDS
from catalog.io.row_base import Confidence, Id, Name, Row

Count = Annotated[int, Field(ge=0, le=2_000_000_000)] | None
Month = Annotated[int, Field(ge=1, le=12)]
DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


class EventRow(Row):
    id: Id
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    name_vi: Name
    name_en: Name | None = None
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    dates_as_stated: str | None = None
    recurring: str | None = None
    months: list[Month] = Field(default_factory=list)
    usual_time_vi: str | None = None
    usual_time_en: str | None = None
    venue: str | None = None
    place_id: Id | None = None
    district_id: Id | None = None
    products_featured: list[Id] = Field(default_factory=list)
    facts: str | None = None
    sources: list[str] = Field(default_factory=list)
    confidence: Confidence = None

    @field_validator("date_start", "date_end", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if isinstance(value, datetime.datetime):  # a spreadsheet date cell
            return value.date() if value.time() == datetime.time() else value
        found = DAY_MONTH_YEAR.match(value) if isinstance(value, str) else None
        if found:  # "18/1/2017", as Vietnamese write dates
            day, month, year = (int(part) for part in found.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a date (day/month/year)") from None
        return value

    @field_validator("date_end")
    @classmethod
    def _ends_after_start(
        cls, end: datetime.date | None, info: ValidationInfo
    ) -> datetime.date | None:
        if end is None or "date_start" not in info.data:
            return end
        start = info.data["date_start"]
        if start is None or end < start:
            raise ValueError("needs a date_start that is not after it")
        return end

    @field_validator("months")
    @classmethod
    def _sorted_months(cls, months: list[int]) -> list[int]:
        return sorted(set(months))


class FigureRow(Row):
    id: Id
    scope: Id  # "province" or a district id
    as_of: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    products_total: Count = None
    products_3_to_5_star: Count = None
    stars_three: Count = None
    stars_four: Count = None
    stars_five: Count = None
    stars_five_provincial: Count = None
    stars_five_national: Count = None
    entities: Count = None
    sales_points: Count = None
    details: str | None = None
    note: str | None = None
    source: Annotated[str, StringConstraints(min_length=1)]
    confidence: Confidence = None


class OnlinePlatformRow(Row):
    id: Id
    channel: Name
    fact: str | None = None
    best_sellers: list[str] = Field(default_factory=list)
    note: str | None = None
    source: Annotated[str, StringConstraints(min_length=1)]
    confidence: Confidence = None
