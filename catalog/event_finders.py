"""Pure event logic behind CatalogService.events: filters and the order answers use."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from catalog.dto import EventDTO, FigureDTO

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}|H1|H2|end))?(?:-(\d{1,2}))?", re.IGNORECASE)
_PART = {"h1": 6, "h2": 12, "end": 12}


def when(event: EventDTO) -> datetime.date:
    """The day an edition starts, or the first day of its stated year and month."""
    if event.date_start is not None:
        return event.date_start
    if event.year is not None:
        return datetime.date(event.year, min(event.months or (1,)), 1)
    return datetime.date.min


def is_upcoming(event: EventDTO, today: datetime.date) -> bool:
    """Not over yet: it ends (or starts) today or later; undated: its year/month ahead."""
    if event.date_start is not None:
        return (event.date_end or event.date_start) >= today
    if event.year is None:
        return False
    if event.year != today.year:
        return event.year > today.year
    return bool(event.months) and max(event.months) >= today.month


def _months_ahead(event: EventDTO, today: datetime.date | None) -> int:
    """How many months until the series' next usual month (0 = this month)."""
    if not event.months:
        return 12
    start = today.month if today else 1
    return min((month - start) % 12 for month in event.months)


def order_events(
    events: Iterable[EventDTO],
    *,
    district: str | None = None,
    month: int | None = None,
    year: int | None = None,
    today: datetime.date | None = None,
    include_past: bool = False,
    series: bool | None = None,
) -> list[EventDTO]:
    """Upcoming editions soonest first, then series by their usual time, then (only when
    ``include_past`` or a year up to this one is asked) past editions newest first.

    Without ``today`` no edition counts as upcoming.
    """
    upcoming: list[EventDTO] = []
    recurring: list[EventDTO] = []
    past: list[EventDTO] = []
    this_year = today.year if today else None
    show_past = include_past or (year is not None and (this_year is None or year <= this_year))
    for event in events:
        if district is not None and event.district_id != district:
            continue
        if series is not None and event.series != series:
            continue
        if month is not None and month not in event.months:
            continue
        if event.series:
            if year is None or this_year is None or year >= this_year:
                recurring.append(event)
        elif year is not None and event.year != year:
            continue
        elif today is not None and is_upcoming(event, today):
            upcoming.append(event)
        elif show_past:
            past.append(event)
    upcoming.sort(key=lambda e: (when(e), e.id))
    recurring.sort(key=lambda e: (_months_ahead(e, today), e.id))
    past.sort(key=lambda e: (when(e), e.id), reverse=True)
    return upcoming + recurring + past


def figure_date(figure: FigureDTO) -> tuple[int, int, int]:
    """(year, month, day) read from ``as_of`` ("2022-11-22", "2024-H1 ...", "2022-end");
    (0, 0, 0) when it holds no year."""
    found = _DATE.search(figure.as_of)
    if found is None:
        return (0, 0, 0)
    part = (found[2] or "").lower()
    month = _PART.get(part) or (int(part) if part.isdigit() else 0)
    return (int(found[1]), month, int(found[3] or 0))
