"""ORM row -> DTO conversions (relations must have been loaded with selectinload)."""

from __future__ import annotations

from catalog.dto import DistrictDTO, PlaceDTO, PriceDTO, ProducerDTO, ProductDTO
from catalog.models import District, Place, Producer, Product
from catalog.seasons import season_months


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def price_dto(row: Product) -> PriceDTO | None:
    """The structured price, or None when no source (and no seller) quotes one.

    A price typed in by the operator without the source's words is stated as its amounts;
    without a kind it is the seller's.
    """
    if row.price_vnd is None and row.price_stated is None:
        return None
    stated = row.price_stated
    if stated is None and row.price_vnd is not None:
        amounts = [row.price_vnd] + ([row.price_max_vnd] if row.price_max_vnd else [])
        stated = "–".join(_vnd(a) for a in amounts)
    return PriceDTO(
        min_vnd=row.price_vnd,
        max_vnd=row.price_max_vnd,
        stated=stated or "",
        unit=row.price_unit,
        kind=row.price_kind or "seller",
        date=row.price_date,
        source=row.price_source,
        set_by=row.price_set_by,
    )


def district_dto(row: District) -> DistrictDTO:
    return DistrictDTO(row.id, row.name_vi, row.name_en, row.centre, row.lat, row.lon)


def producer_dto(row: Producer) -> ProducerDTO:
    district = row.district
    return ProducerDTO(
        id=row.id,
        name=row.name,
        type=row.type,
        district_id=row.district_id,
        district_name=district.name_vi if district else None,
        source=row.source,
    )


def product_dto(row: Product) -> ProductDTO:
    district = row.district
    return ProductDTO(
        id=row.id,
        name_vi=row.name_vi,
        name_en=row.name_en,
        aliases=tuple(row.aliases or ()),
        category=row.category,
        stars=row.stars,
        star_level=row.star_level,
        star_year=row.star_year,
        producer_id=row.producer_id,
        producer_name=row.producer.name if row.producer else None,
        district_id=row.district_id,
        district_name=district.name_vi if district else None,
        district_name_en=district.name_en if district else None,
        price_vnd=row.price_vnd,
        price_max_vnd=row.price_max_vnd,
        price_unit=row.price_unit,
        price_note=row.price_note,
        unit=row.unit,
        description=row.description,
        note=row.note,
        sources=tuple(row.sources or ()),
        confidence=row.confidence,
        description_vi=row.description_vi,
        description_en=row.description_en,
        ocop_status=row.ocop_status,
        price=price_dto(row),
    )


def place_dto(row: Place) -> PlaceDTO:
    district = row.district
    return PlaceDTO(
        id=row.id,
        kind=row.kind,
        name_vi=row.name_vi,
        name_en=row.name_en,
        address=row.address,
        district_id=row.district_id,
        district_name=district.name_vi if district else None,
        lat=row.lat,
        lon=row.lon,
        season=row.season,
        months=season_months(row.season),
        facts=row.facts,
        ocop_link=row.ocop_link,
        venue=row.venue,
        sources=tuple(row.sources or ()),
        confidence=row.confidence,
        description_vi=row.description_vi,
        description_en=row.description_en,
        own_coords=row.lat is not None and row.lon is not None,
        note=row.note,
    )
