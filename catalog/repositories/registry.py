"""Districts and producers."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.dto import DistrictDTO, ProducerDTO
from catalog.models import District, Producer
from catalog.repositories.mapping import district_dto, producer_dto
from catalog.text import fold


class DistrictRepository:
    """Reads districts."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, district_id: str) -> DistrictDTO | None:
        row = await self._session.get(District, district_id)
        return district_dto(row) if row else None

    async def all(self) -> list[DistrictDTO]:
        """Every district, by Vietnamese name ignoring diacritics."""
        rows = (await self._session.scalars(select(District))).all()
        return sorted((district_dto(r) for r in rows), key=lambda d: fold(d.name_vi))


class ProducerRepository:
    """Reads producers."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, producer_id: str) -> ProducerDTO | None:
        query = (
            select(Producer)
            .where(Producer.id == producer_id)
            .options(selectinload(Producer.district))
        )
        row = (await self._session.scalars(query)).first()
        return producer_dto(row) if row else None
