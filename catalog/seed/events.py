"""Facts -> seed rows for events, figures and online platforms (see seed/README.md)."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from catalog.seasons import season_months
from catalog.seed.rows import sources
from catalog.seed.series import SERIES
from catalog.text import fold

STAR_KEYS = ("three", "four", "five", "five_provincial", "five_national")
# Facts keys a figure row has a column for; every other key goes into `details` (JSON).
FIGURE_COLUMNS = {"as_of", "district", "products_total", "source", "confidence", "note"}


def _spanned(start: datetime.date, end: datetime.date | None) -> tuple[int, ...]:
    """The months from start to end (inclusive), in calendar order."""
    months: list[int] = []
    year, month = start.year, start.month
    last = end or start
    while (year, month) <= (last.year, last.month) and len(months) < 12:
        months.append(month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(sorted(set(months)))


def _day(value: Any) -> datetime.date | None:
    """A facts date ("2017-01-18", quoted or not) as a date."""
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def event(fact: dict[str, Any]) -> dict[str, Any]:
    """Maps one event; a series takes its usual time from catalog.seed.series."""
    usual = None
    start, end = _day(fact.get("date_start")), _day(fact.get("date_end"))
    if fact["kind"].endswith("_series"):
        usual = SERIES.get(fact["id"])
        if usual is None:
            raise ValueError(f"{fact['id']}: series without a usual time in seed/series.py")
        months = usual.months
    elif start is not None:
        months = _spanned(start, end)
    else:  # "week-long, May 2020", "tháng 10/2020": the months the stated dates name
        months = season_months(fact.get("dates_as_stated"))
    return {
        "id": fact["id"],
        "kind": fact["kind"],
        "name_vi": fact["name_vi"],
        "name_en": fact.get("name_en"),
        "date_start": start,
        "date_end": end,
        "dates_as_stated": fact.get("dates_as_stated"),
        "recurring": fact.get("recurring"),
        "months": sorted(months),
        "usual_time_vi": usual.vi if usual else None,
        "usual_time_en": usual.en if usual else None,
        "venue": fact.get("venue"),
        "place_id": fact.get("place"),
        "district_id": fact.get("district"),
        "products_featured": list(fact.get("products_featured") or []),
        "facts": fact.get("facts"),
        "sources": sources(fact),
        "confidence": fact.get("confidence"),
    }


def slug(text: str) -> str:
    """An id from free text: folded, words joined by '-', at most 56 characters."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:56].strip("-")


def _unique(base: str, taken: set[str]) -> str:
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    taken.add(name)
    return name


def figure(fact: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    """One province or district figure; counts the columns do not hold stay in details."""
    scope = fact.get("district") or "province"
    stars = dict(fact.get("stars") or {})
    unknown = set(stars) - set(STAR_KEYS)
    if unknown:
        raise ValueError(f"figure {scope} {fact['as_of']}: unknown star keys {unknown}")
    details = {k: v for k, v in fact.items() if k not in FIGURE_COLUMNS | {"stars"}}
    total_3_5 = details.pop("products_3_to_5_star", None)
    if total_3_5 is None:  # "437 products of 3 stars or more": 5 is the top
        total_3_5 = details.pop("products_3_star_or_more", None)
    entities = fact.get("entities")
    if isinstance(entities, int):
        details.pop("entities")
    points = fact.get("sales_points")
    if isinstance(points, int):
        details.pop("sales_points")
    return {
        "id": _unique(slug(f"{scope} {fact['as_of']}"), taken),
        "scope": scope,
        "as_of": str(fact["as_of"]),
        "products_total": fact.get("products_total"),
        "products_3_to_5_star": total_3_5,
        **{f"stars_{key}": stars.get(key) for key in STAR_KEYS},
        "entities": entities["total"] if isinstance(entities, dict) else entities,
        "sales_points": points if isinstance(points, int) else None,
        "details": json.dumps(details, ensure_ascii=False, default=str) if details else None,
        "note": fact.get("note"),
        "source": fact["source"],
        "confidence": fact.get("confidence"),
    }


def online_platform(fact: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    """One e-commerce channel of the facts' ``ecommerce`` section."""
    return {
        "id": _unique(slug(fact["channel"]), taken),
        "channel": fact["channel"],
        "fact": fact.get("fact"),
        "best_sellers": list(fact.get("best_sellers") or []),
        "note": fact.get("note"),
        "source": fact["source"],
        "confidence": fact.get("confidence"),
    }
