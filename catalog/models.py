"""SQLAlchemy 2.0 models of the catalog; the schema itself changes only through Alembic."""

from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog.enums import PLACE_KINDS
from catalog.models_base import NAMING, Base

# Edition-2 tables (events, figures, online platforms, seed editions) share Base's metadata.
from catalog.models_events import Event, Figure, OnlinePlatform, SeedEdition


class District(Base):
    """A district (pre-2025 name) and its centre's approximate coordinates."""

    __tablename__ = "districts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    centre: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class Producer(Base):
    """A company, cooperative or household behind OCOP products."""

    __tablename__ = "producers"
    __table_args__ = (
        CheckConstraint("type IN ('company', 'cooperative', 'household')", name="type"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(20))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    source: Mapped[str | None] = mapped_column(Text)

    district: Mapped[District | None] = relationship(lazy="raise")


class Product(Base):
    """An OCOP product; prices are news figures in VND, null when no source quotes one."""

    __tablename__ = "products"
    __table_args__ = (CheckConstraint("stars IS NULL OR stars BETWEEN 3 AND 5", name="stars"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    category: Mapped[str] = mapped_column(String(40), index=True)
    stars: Mapped[int | None] = mapped_column(Integer)
    star_level: Mapped[str | None] = mapped_column(String(40))
    star_year: Mapped[str | None] = mapped_column(String(200))
    producer_id: Mapped[str | None] = mapped_column(ForeignKey("producers.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    price_vnd: Mapped[int | None] = mapped_column(Integer)
    price_max_vnd: Mapped[int | None] = mapped_column(Integer)
    price_unit: Mapped[str | None] = mapped_column(String(40))
    price_note: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[str | None] = mapped_column(String(10))
    # Edition 2: descriptions for people (note_vi/note_en of the facts), OCOP status when
    # no star is published (operator note), and the structured price (see catalog.dto.PriceDTO).
    description_vi: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    ocop_status: Mapped[str | None] = mapped_column(Text)
    price_stated: Mapped[str | None] = mapped_column(Text)
    price_kind: Mapped[str | None] = mapped_column(String(20))
    price_date: Mapped[str | None] = mapped_column(String(20))
    price_source: Mapped[str | None] = mapped_column(Text)
    price_set_by: Mapped[str | None] = mapped_column(String(64))
    # Folded names and aliases (see catalog.text.search_key), kept in step by the writers.
    search_text: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(String(300), default="")

    producer: Mapped[Producer | None] = relationship(lazy="raise")
    district: Mapped[District | None] = relationship(lazy="raise")


class Place(Base):
    """An OCOP centre, sales point, fair venue, rest stop, producer visit, site or festival."""

    __tablename__ = "places"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in PLACE_KINDS)})", name="kind"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    coord_confidence: Mapped[str | None] = mapped_column(String(10))
    coord_note: Mapped[str | None] = mapped_column(Text)
    season: Mapped[str | None] = mapped_column(Text)
    facts: Mapped[str | None] = mapped_column(Text)
    ocop_link: Mapped[str | None] = mapped_column(Text)
    venue: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[str | None] = mapped_column(String(10))
    # Edition 2: descriptions for people; research notes for the operator.
    description_vi: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    district: Mapped[District | None] = relationship(lazy="raise")


class PlaceProduct(Base):
    """A source saying that a place sells (or displays) a product."""

    __tablename__ = "place_products"

    place_id: Mapped[str] = mapped_column(
        ForeignKey("places.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[str] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    source: Mapped[str | None] = mapped_column(Text)


__all__ = [
    "NAMING",
    "Base",
    "District",
    "Event",
    "Figure",
    "OnlinePlatform",
    "Place",
    "PlaceProduct",
    "Producer",
    "Product",
    "SeedEdition",
]
