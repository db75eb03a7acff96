"""ORM row -> DTO conversions (relations must have been loaded with selectinload)."""

from __future__ import annotations

from catalog.dto import DistrictDTO, PlaceDTO, ProducerDTO, ProductDTO
from catalog.models import District, Place, Producer, Product
from catalog.seasons import season_months


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
    )
