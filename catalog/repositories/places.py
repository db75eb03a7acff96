"""Places: OCOP centres and sales points, venues, rest stops, sites, festivals."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.dto import PlaceDTO
from catalog.models import Place, PlaceProduct
from catalog.repositories.mapping import place_dto
from catalog.text import fold


def _loaded() -> Select[tuple[Place]]:
    return select(Place).options(selectinload(Place.district))


def _by_name(places: Sequence[Place]) -> list[PlaceDTO]:
    return sorted((place_dto(p) for p in places), key=lambda p: (fold(p.name_vi), p.id))


class PlaceRepository:
    """Reads places and which products they sell."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, place_id: str) -> PlaceDTO | None:
        row = (await self._session.scalars(_loaded().where(Place.id == place_id))).first()
        return place_dto(row) if row else None

    async def list(
        self, *, district: str | None = None, kinds: Sequence[str] | None = None
    ) -> list[PlaceDTO]:
        """Places in a district and/or of some kinds, by name."""
        query = _loaded()
        if district is not None:
            query = query.where(Place.district_id == district)
        if kinds is not None:
            query = query.where(Place.kind.in_(list(kinds)))
        return _by_name((await self._session.scalars(query)).all())

    async def selling(self, product_id: str) -> list[PlaceDTO]:
        """Places whose source says they sell the product, by name."""
        query = _loaded().join(PlaceProduct).where(PlaceProduct.product_id == product_id)
        return _by_name((await self._session.scalars(query)).all())
