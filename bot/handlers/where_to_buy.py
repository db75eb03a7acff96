"""Where to buy a product: the places a source says sell it, else the OCOP centres of its
district, else the nearest OCOP centre and the online platforms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog.dto import PlaceDTO, ProductDTO
from catalog.services import CatalogService

CENTRE_KINDS = ("ocop_center", "ocop_sales_point", "ocop_store")


@dataclass(frozen=True)
class WhereToBuy:
    """The answer and how sure it is: `sells`, `district` or `nearest`."""

    basis: str
    places: list[PlaceDTO]
    online: list[dict[str, Any]] = field(default_factory=list)


async def where_to_buy(service: CatalogService, product: ProductDTO, limit: int = 3) -> WhereToBuy:
    """Applies the where-to-buy rule of the catalog contract."""
    sellers = await service.places_selling(product.id)
    if sellers:
        return WhereToBuy("sells", sellers[:limit])
    if product.district_id:
        centres = await service.ocop_centres(product.district_id)
        if centres:
            return WhereToBuy("district", centres[:limit])
    nearest: list[PlaceDTO] = []
    district = await service.get_district(product.district_id) if product.district_id else None
    if district and district.lat is not None and district.lon is not None:
        found = await service.nearest_places(district.lat, district.lon, CENTRE_KINDS, 1)
        nearest = [place for place, _km in found]
    return WhereToBuy("nearest", nearest, await service.online_platforms())


def platform_name(platform: dict[str, Any]) -> str:
    """Returns "teqni.gov.vn" for "teqni.gov.vn (sàn giao dịch …)": the name, not the aside."""
    return str(platform.get("channel") or "").split(" (")[0].strip()
