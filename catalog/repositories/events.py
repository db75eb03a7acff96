"""Events (fairs, festivals), figures and online platforms: queries and DTOs."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.dto import EventDTO, FigureDTO
from catalog.models import Event, Figure, OnlinePlatform

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
STAR_KEYS = ("three", "four", "five", "five_provincial", "five_national")


def event_dto(row: Event) -> EventDTO:
    series = row.kind.endswith("_series")
    year = None
    if not series:
        found = _YEAR.search(row.dates_as_stated or "")
        year = row.date_start.year if row.date_start else (int(found[1]) if found else None)
    district = row.district
    return EventDTO(
        id=row.id,
        kind=row.kind,
        series=series,
        name_vi=row.name_vi,
        name_en=row.name_en,
        date_start=row.date_start,
        date_end=row.date_end,
        dates_as_stated=row.dates_as_stated,
        months=tuple(sorted(row.months or ())),
        usual_time_vi=row.usual_time_vi,
        usual_time_en=row.usual_time_en,
        venue=row.venue,
        place_id=row.place_id,
        district_id=row.district_id,
        district_name=district.name_vi if district else None,
        district_name_en=district.name_en if district else None,
        products_featured=tuple(row.products_featured or ()),
        sources=tuple(row.sources or ()),
        confidence=row.confidence,
        facts=row.facts,
        recurring=row.recurring,
        year=year,
    )


def _details(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {"text": text}  # an operator typed plain words: keep them
    return found if isinstance(found, dict) else {"text": text}


def figure_dto(row: Figure) -> FigureDTO:
    stars = {key: getattr(row, f"stars_{key}") for key in STAR_KEYS}
    return FigureDTO(
        scope=row.scope,
        as_of=row.as_of,
        products_total=row.products_total,
        products_3_to_5_star=row.products_3_to_5_star,
        stars={key: value for key, value in stars.items() if value is not None},
        entities=row.entities,
        sales_points=row.sales_points,
        source=row.source,
        confidence=row.confidence,
        id=row.id,
        note=row.note,
        details=_details(row.details),
    )


class EventRepository:
    """Reads events, figures and online platforms."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def all(self) -> list[EventDTO]:
        """Every event with its district's names, by id."""
        query = select(Event).options(selectinload(Event.district)).order_by(Event.id)
        return [event_dto(r) for r in (await self._session.scalars(query)).all()]

    async def get(self, event_id: str) -> EventDTO | None:
        query = select(Event).options(selectinload(Event.district)).where(Event.id == event_id)
        row = (await self._session.scalars(query)).first()
        return event_dto(row) if row else None

    async def figures(self, scope: str) -> list[FigureDTO]:
        rows = (await self._session.scalars(select(Figure).where(Figure.scope == scope))).all()
        return [figure_dto(r) for r in rows]

    async def online_platforms(self) -> list[dict[str, Any]]:
        rows = await self._session.scalars(select(OnlinePlatform).order_by(OnlinePlatform.id))
        return [
            {
                "id": r.id,
                "channel": r.channel,
                "fact": r.fact,
                "best_sellers": list(r.best_sellers or ()),
                "note": r.note,
                "source": r.source,
                "confidence": r.confidence,
            }
            for r in rows.all()
        ]
