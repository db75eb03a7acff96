"""Products: lookup and filtered, paged search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.dto import ProductDTO
from catalog.models import PlaceProduct, Product
from catalog.repositories.mapping import product_dto
from catalog.text import fold

MAX_WORDS = 12  # a pasted paragraph must not become hundreds of LIKE conditions


@dataclass(frozen=True)
class ProductFilter:
    """Search criteria; None means "any". Price bounds skip products without a price."""

    text: str | None = None
    category: str | None = None
    stars: int | None = None
    min_stars: int | None = None
    district: str | None = None
    price_min: int | None = None
    price_max: int | None = None
    ids: Sequence[str] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions that work the same on SQLite and PostgreSQL."""
        found: list[ColumnElement[bool]] = []
        # Every word must start a word of the name or an alias, diacritics ignored.
        words = fold(self.text or "").split()[:MAX_WORDS]
        found.extend(Product.search_text.like(f"% {word}%") for word in words)
        if self.category is not None:
            found.append(Product.category == self.category)
        if self.stars is not None:
            found.append(Product.stars == self.stars)
        if self.min_stars is not None:
            found.append(Product.stars >= self.min_stars)
        if self.district is not None:
            found.append(Product.district_id == self.district)
        if self.price_min is not None:
            found.append(func.coalesce(Product.price_max_vnd, Product.price_vnd) >= self.price_min)
        if self.price_max is not None:
            found.append(Product.price_vnd <= self.price_max)
        if self.ids is not None:
            found.append(Product.id.in_(list(self.ids)))
        return found


# Five stars first, unrated last, then by name without diacritics.
ORDER = (
    case((Product.stars.is_(None), 1), else_=0),
    Product.stars.desc(),
    Product.name_key,
    Product.id,
)


def _loaded() -> Select[tuple[Product]]:
    return select(Product).options(selectinload(Product.producer), selectinload(Product.district))


class ProductRepository:
    """Reads products with their producer and district."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, product_id: str) -> ProductDTO | None:
        row = (await self._session.scalars(_loaded().where(Product.id == product_id))).first()
        return product_dto(row) if row else None

    async def get_many(self, ids: Sequence[str]) -> list[ProductDTO]:
        """The products with these ids, in the order asked (unknown ids are left out)."""
        rows = (await self._session.scalars(_loaded().where(Product.id.in_(list(ids))))).all()
        by_id = {r.id: product_dto(r) for r in rows}
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]

    async def search(
        self, criteria: ProductFilter, offset: int, limit: int
    ) -> tuple[list[ProductDTO], int]:
        """One page of matching products and the number of all matches."""
        conditions = criteria.conditions()
        total = await self._session.scalar(select(func.count(Product.id)).where(*conditions))
        query = _loaded().where(*conditions).order_by(*ORDER).offset(offset).limit(limit)
        rows = (await self._session.scalars(query)).all()
        return [product_dto(r) for r in rows], int(total or 0)

    async def at_place(self, place_id: str) -> list[ProductDTO]:
        """Products a place is said to sell, best rated first."""
        query = _loaded().join(PlaceProduct).where(PlaceProduct.place_id == place_id)
        rows = (await self._session.scalars(query.order_by(*ORDER))).all()
        return [product_dto(r) for r in rows]
