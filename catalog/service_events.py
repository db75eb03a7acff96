"""The events, figures and online-platform reads of CatalogService (a mixin)."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from catalog.dto import EventDTO, FigureDTO, PlaceDTO
from catalog.enums import OCOP_CENTRE_KINDS
from catalog.event_finders import figure_date, order_events
from catalog.repositories import EventRepository

T = TypeVar("T")


class EventReads:
    """Fairs, festivals, figures and platforms; needs ``_events`` and ``_read``."""

    _events: EventRepository
    _read: Callable[[Hashable, Callable[[], Awaitable[Any]]], Awaitable[Any]]

    async def _all_events(self) -> list[EventDTO]:
        return list(await self._read(("events",), self._events.all))

    async def get_event(self, event_id: str) -> EventDTO | None:
        """One event, or None."""
        return await self._read(("event", event_id), lambda: self._events.get(event_id))  # type: ignore[no-any-return]

    async def events(
        self,
        *,
        district: str | None = None,
        month: int | None = None,
        year: int | None = None,
        today: datetime.date | None = None,
        include_past: bool = False,
        series: bool | None = None,
    ) -> list[EventDTO]:
        """OCOP fairs and festivals, in the order an answer lists them.

        Dated editions not over by ``today`` (undated ones by their stated year and
        month) soonest first; then recurring series by how soon their usual month comes;
        then past editions, newest first, only when ``include_past`` or a year up to
        today's is asked. The caller passes ``today`` (the catalog reads no clock).

        Args:
            district: a district id. month: 1-12, the events on in that month.
            year: editions of that year (series when the year is not past).
            today: the reference day; None: no edition counts as upcoming.
            include_past: list past editions too. series: only series / only editions.

        Raises:
            ValueError: month is not 1-12.
        """
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month must be 1-12, not {month}")
        return order_events(
            await self._all_events(),
            district=district,
            month=month,
            year=year,
            today=today,
            include_past=include_past,
            series=series,
        )

    async def events_featuring(self, product_id: str) -> list[EventDTO]:
        """Events whose sources name the product among those featured, newest first."""
        found = [e for e in await self._all_events() if product_id in e.products_featured]
        return order_events(found, include_past=True)

    async def figures(self, scope: str = "province") -> list[FigureDTO]:
        """Product counts for the province or a district id, newest first."""
        found = await self._read(("figures", scope), lambda: self._events.figures(scope))
        return sorted(found, key=lambda f: (figure_date(f), f.id), reverse=True)

    async def online_platforms(self) -> list[dict[str, Any]]:
        """E-commerce channels selling Quảng Ninh OCOP products: channel, fact, source..."""
        return list(await self._read(("platforms",), self._events.online_platforms))

    async def ocop_centres(self, district_id: str) -> list[PlaceDTO]:
        """The OCOP centres, sales points and stores of a district, by name."""
        places: Callable[..., Awaitable[list[PlaceDTO]]] = self.places  # type: ignore[attr-defined]
        return list(await places(district=district_id, kinds=OCOP_CENTRE_KINDS))
