"""Names and inboxes: who a producer is, where to reach them, what a place is called."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Place, Producer
from catalog.orders.dto import InboxDTO, ProducerRosterDTO
from catalog.orders.inbox_models import ProducerInbox
from catalog.orders.models import Order
from catalog.orders.states import OPEN_STATUSES

_NAMES_SEEN = "catalog.orders.directory.names"  # Session.info key: names read this turn
# Asked on most order messages: built once, so SQLAlchemy reuses its compiled form.
_NAMES = select(Producer.id, Producer.name).where(
    Producer.id.in_(bindparam("ids", expanding=True))
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
        query = select(ProducerInbox).where(ProducerInbox.producer_id.in_(ids))
        for row in await self._session.scalars(query.order_by(ProducerInbox.id)):
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

    async def producer_exists(self, producer_id: str) -> bool:
        """True when the catalog has this producer."""
        query = select(Producer.id).where(Producer.id == producer_id)
        return await self._session.scalar(query) is not None

    async def place_name(self, place_id: str | None) -> str:
        """The Vietnamese name of a place, "" when unknown or None."""
        if not place_id:
            return ""
        return await self._session.scalar(select(Place.name_vi).where(Place.id == place_id)) or ""

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
