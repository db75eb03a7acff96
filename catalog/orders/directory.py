"""Names and inboxes: who a producer is, where to reach them, what a place is called."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Place, Producer
from catalog.orders.dto import InboxDTO, ProducerRosterDTO
from catalog.orders.inbox_models import ProducerInbox
from catalog.orders.models import Order
from catalog.orders.states import OPEN_STATUSES

# Asked on most order messages: built once, so SQLAlchemy reuses their compiled form; Core
# statements on the tables, so no ORM query is set up for a few columns.
_producers: Table = Producer.__table__  # type: ignore[assignment]
_places: Table = Place.__table__  # type: ignore[assignment]
_inboxes: Table = ProducerInbox.__table__  # type: ignore[assignment]
_NAMES_SEEN = "catalog.orders.directory.names"  # Session.info key: names read this turn
_NAMES = select(_producers.c.id, _producers.c.name).where(
    _producers.c.id.in_(bindparam("ids", expanding=True))
)
_PLACES_SEEN = "catalog.orders.directory.places"  # Session.info key: places read this turn
_PLACE = select(_places.c.name_vi).where(_places.c.id == bindparam("id"))
_INBOXES = (
    select(_inboxes.c.producer_id, _inboxes.c.address, _inboxes.c.language, _inboxes.c.linked_at)
    .where(_inboxes.c.producer_id.in_(bindparam("ids", expanding=True)))
    .order_by(_inboxes.c.id)
)


class Directory:
    """Read-only lookups the order services need; the caller owns the session."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def inboxes(self, producer_ids: Iterable[str | None]) -> dict[str, list[InboxDTO]]:
        """The linked inboxes of each producer (producers without one are absent)."""
        ids = sorted({p for p in producer_ids if p})
        found: dict[str, list[InboxDTO]] = defaultdict(list)
        if not ids:
            return {}
        for row in await self._session.execute(_INBOXES, {"ids": ids}):
            found[row.producer_id].append(
                InboxDTO(row.producer_id, row.address, row.language, row.linked_at)
            )
        return dict(found)

    async def producers_of(self, address: str) -> list[str]:
        """The producers whose orders this chat may act on (usually one)."""
        query = select(ProducerInbox.producer_id).where(ProducerInbox.address == address)
        return sorted(await self._session.scalars(query))

    async def producer_names(self, producer_ids: Iterable[str | None]) -> dict[str, str]:
        """Producer id -> display name, for the ids that exist."""
        ids = sorted({p for p in producer_ids if p})
        if not ids:
            return {}
        # Placing an order asks for the same names three times (pings, reach, the reply):
        # they are remembered for the rest of this session's turn.
        known: dict[str, str | None] = self._session.info.setdefault(_NAMES_SEEN, {})
        missing = [p for p in ids if p not in known]
        if missing:
            rows = await self._session.execute(_NAMES, {"ids": missing})
            found = {row.id: row.name for row in rows}
            known.update({p: found.get(p) for p in missing})
        return {p: name for p in ids if (name := known[p]) is not None}

    def remember_names(self, names: Mapping[str, str]) -> None:
        """Producer names just read another way (placing an order reads them with its cart),
        for the rest of this session's turn (see producer_names)."""
        self._session.info.setdefault(_NAMES_SEEN, {}).update(names)

    async def producer_exists(self, producer_id: str) -> bool:
        """True when the catalog has this producer."""
        query = select(Producer.id).where(Producer.id == producer_id)
        return await self._session.scalar(query) is not None

    async def place_name(self, place_id: str | None) -> str:
        """The Vietnamese name of a place, "" when unknown or None."""
        return await self.known_place(place_id) or ""

    async def known_place(self, place_id: str | None) -> str | None:
        """The Vietnamese name of a place of the catalog, None when there is no such place."""
        if not place_id:
            return None
        # A pick-up order checks its place, then names it in the ping: read once a turn.
        known: dict[str, str | None] = self._session.info.setdefault(_PLACES_SEEN, {})
        if place_id not in known:
            known[place_id] = await self._session.scalar(_PLACE, {"id": place_id})
        return known[place_id]

    async def roster(self) -> list[ProducerRosterDTO]:
        """Every producer with its linked inboxes and number of open orders, by id."""
        producers = (await self._session.execute(select(Producer.id, Producer.name))).all()
        inboxes = await self.inboxes(p.id for p in producers)
        open_counts = dict(
            (
                await self._session.execute(
                    select(Order.producer_id, func.count())
                    .where(Order.status.in_(OPEN_STATUSES))
                    .group_by(Order.producer_id)
                )
            )
            .tuples()
            .all()
        )
        return [
            ProducerRosterDTO(
                p.id, p.name, tuple(inboxes.get(p.id, [])), int(open_counts.get(p.id, 0))
            )
            for p in sorted(producers, key=lambda p: p.id)
        ]
