"""CatalogService: what the conversation engine asks of the catalog."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.cache import session_cache
from catalog.dto import DistrictDTO, Page, PlaceDTO, ProducerDTO, ProductDTO
from catalog.enums import SHOP_KINDS
from catalog.finders import gazetteer, nearest, on_in_month
from catalog.geo import check_point
from catalog.repositories import (
    DistrictRepository,
    EventRepository,
    PlaceRepository,
    ProducerRepository,
    ProductFilter,
    ProductRepository,
)
from catalog.service_events import EventReads

logger = logging.getLogger(__name__)

TOURISM_KINDS = ("festival", "tourism_site", "heritage_site")
MAX_LIMIT = 100

T = TypeVar("T")


class CatalogService(EventReads):
    """Read-side catalog operations on the caller's session (the caller owns the transaction).

    Reads go through the :class:`catalog.cache.CatalogCache` of the session's factory when
    it has one (the bot's does), so hot reads cost no query for a few seconds.

    Args:
        session: an open AsyncSession; nothing here commits.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._cache = session_cache(session)
        self._products = ProductRepository(session)
        self._places = PlaceRepository(session)
        self._districts = DistrictRepository(session)
        self._producers = ProducerRepository(session)
        self._events = EventRepository(session)

    async def search_products(
        self,
        *,
        text: str | None = None,
        category: str | None = None,
        stars: int | None = None,
        min_stars: int | None = None,
        district: str | None = None,
        price_min: int | None = None,
        price_max: int | None = None,
        ids: Sequence[str] | None = None,
        offset: int = 0,
        limit: int = 5,
    ) -> Page[ProductDTO]:
        """Finds products; five-star first, then by name.

        Args:
            text: words that must each begin a word of the name, English name or an
                alias; case and Vietnamese diacritics are ignored ("mien dong" finds
                "Miến dong").
            category: e.g. "tea", "seafood" (see catalog.enums.CATEGORIES).
            stars: exactly this many stars. min_stars: at least this many.
            district: a district id, e.g. "van-don".
            price_min: VND; keeps priced products whose top price reaches it.
            price_max: VND; keeps priced products whose lowest price is within it.
            ids: only these product ids.
            offset: matches to skip. limit: page size (1-100).

        Returns:
            The page and the total number of matches.
        """
        offset, limit = max(0, offset), min(max(1, limit), MAX_LIMIT)
        criteria = ProductFilter(
            text, category, stars, min_stars, district, price_min, price_max, ids
        )
        chosen = tuple(ids) if ids is not None else None
        filters = (text, category, stars, min_stars, district, price_min, price_max, chosen)
        key = ("search", filters, offset, limit)
        found = await self._read(key, lambda: self._products.search(criteria, offset, limit))
        items, total = found
        return Page(items=list(items), total=total, offset=offset, limit=limit)

    async def get_product(self, product_id: str) -> ProductDTO | None:
        """One product, or None."""
        return await self._read(("product", product_id), lambda: self._products.get(product_id))

    async def get_products(self, ids: Sequence[str]) -> list[ProductDTO]:
        """Products in the order of ``ids``; unknown ids are left out."""
        ids = tuple(ids)
        return list(await self._read(("products", ids), lambda: self._products.get_many(ids)))

    async def get_producer(self, producer_id: str) -> ProducerDTO | None:
        """One producer, or None."""
        key = ("producer", producer_id)
        return await self._read(key, lambda: self._producers.get(producer_id))

    async def get_district(self, district_id: str) -> DistrictDTO | None:
        """One district, or None."""
        key = ("district", district_id)
        return await self._read(key, lambda: self._districts.get(district_id))

    async def list_districts(self) -> list[DistrictDTO]:
        """All districts by name."""
        return list(await self._read(("districts",), self._districts.all))

    async def get_place(self, place_id: str) -> PlaceDTO | None:
        """One place, or None."""
        return await self._read(("place", place_id), lambda: self._places.get(place_id))

    async def places_selling(self, product_id: str) -> list[PlaceDTO]:
        """Places a source says sell the product (edition 2: the places' ``sells``), by name."""
        key = ("selling", product_id)
        return list(await self._read(key, lambda: self._places.selling(product_id)))

    async def products_at(self, place_id: str) -> list[ProductDTO]:
        """Products a source says the place sells, best rated first."""
        return list(await self._read(("at", place_id), lambda: self._products.at_place(place_id)))

    async def places(
        self, district: str | None = None, kinds: Sequence[str] | None = None
    ) -> list[PlaceDTO]:
        """Places filtered by district id and kinds, by name."""
        chosen = tuple(kinds) if kinds is not None else None
        key = ("places", district, chosen)
        return list(
            await self._read(key, lambda: self._places.list(district=district, kinds=chosen))
        )

    async def nearest_places(
        self, lat: float, lon: float, kinds: Sequence[str] = SHOP_KINDS, limit: int = 5
    ) -> list[tuple[PlaceDTO, float]]:
        """The closest places of some kinds (by default where OCOP products are sold).

        A place without coordinates of its own is ranked by its district centre and
        marked ``approximate=True`` (its lat/lon stay None, ``own_coords`` False); one
        without either is left out.

        Args:
            lat: latitude in degrees. lon: longitude in degrees.
            kinds: place kinds to consider.
            limit: how many to return.

        Returns:
            (place, distance in km) pairs, nearest first.

        Raises:
            ValueError: the coordinates are not on Earth.
        """
        check_point(lat, lon)
        places = await self.places(kinds=kinds)
        return nearest(lat, lon, places, await self.list_districts(), limit)

    async def tourism(
        self, district: str | None = None, month: int | None = None
    ) -> list[PlaceDTO]:
        """Tourism sites and festivals, festivals first.

        With ``month`` (1-12): festivals only if their season includes the month (a
        festival with an unknown season is left out); sites if their season includes it
        or they have no season (open all year).

        Raises:
            ValueError: month is not 1-12.
        """
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month must be 1-12, not {month}")
        found = await self.places(district=district, kinds=TOURISM_KINDS)
        if month is not None:
            found = [p for p in found if on_in_month(p, month)]
        return sorted(found, key=lambda p: p.kind != "festival")

    async def gazetteer(self) -> dict[str, list[dict[str, Any]]]:
        """Names the NLU needs to recognise, as plain lists of dicts.

        Returns:
            {"products": [{id, name_vi, name_en, aliases, category, district,
            producer_name}],
            "districts": [{id, name_vi, name_en}], "places": [{id, name_vi, name_en,
            kind, district}]}; ``district`` is a district id or None.
        """
        products, _total = await self._products.search(ProductFilter(), 0, 1_000_000)
        return gazetteer(products, await self._districts.all(), await self._places.list())

    async def _read(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        """Serves ``key`` from the cache when there is one, else reads it now."""
        if self._cache is None:
            return await load()
        return await self._cache.get_or_load(key, load)
