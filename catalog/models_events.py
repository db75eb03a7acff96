"""Edition-2 tables: events (fairs, festivals), figures, online platforms, seed editions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalog.enums import EVENT_KINDS
from catalog.models_base import Base

if TYPE_CHECKING:  # resolved by name at mapper configuration (catalog.models imports both)
    from catalog.models import District, Place


class Event(Base):
    """An OCOP fair or festival: a dated edition, or a recurring series (``*_series``).

    ``months`` are the months it happens (from the dates, or for a series the usual months
    read by hand from ``recurring``); ``products_featured`` are product ids, in the
    source's order.
    """

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in EVENT_KINDS)})", name="kind"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    date_start: Mapped[datetime.date | None] = mapped_column(Date)
    date_end: Mapped[datetime.date | None] = mapped_column(Date)
    dates_as_stated: Mapped[str | None] = mapped_column(Text)
    recurring: Mapped[str | None] = mapped_column(Text)
    months: Mapped[list[int]] = mapped_column(JSON, default=list)
    usual_time_vi: Mapped[str | None] = mapped_column(Text)
    usual_time_en: Mapped[str | None] = mapped_column(Text)
    venue: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"), index=True)
    products_featured: Mapped[list[str]] = mapped_column(JSON, default=list)
    facts: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[str | None] = mapped_column(String(10))

    district: Mapped[District | None] = relationship(lazy="raise")
    place: Mapped[Place | None] = relationship(lazy="raise")


class Figure(Base):
    """Counts of OCOP products for the province (scope "province") or a district (its id).

    ``as_of`` is the date as the source states it; ``details`` keeps the source's other
    figures as JSON text.
    """

    __tablename__ = "figures"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(64), index=True)
    as_of: Mapped[str] = mapped_column(String(100))
    products_total: Mapped[int | None] = mapped_column(Integer)
    products_3_to_5_star: Mapped[int | None] = mapped_column(Integer)
    stars_three: Mapped[int | None] = mapped_column(Integer)
    stars_four: Mapped[int | None] = mapped_column(Integer)
    stars_five: Mapped[int | None] = mapped_column(Integer)
    stars_five_provincial: Mapped[int | None] = mapped_column(Integer)
    stars_five_national: Mapped[int | None] = mapped_column(Integer)
    entities: Mapped[int | None] = mapped_column(Integer)
    sales_points: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[str | None] = mapped_column(String(10))


class OnlinePlatform(Base):
    """An e-commerce channel where Quảng Ninh OCOP products are sold (facts: ``ecommerce``)."""

    __tablename__ = "online_platforms"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel: Mapped[str] = mapped_column(String(300))
    fact: Mapped[str | None] = mapped_column(Text)
    best_sellers: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[str | None] = mapped_column(String(10))


class SeedEdition(Base):
    """Which edition of the shipped seed a database holds (one row, name "catalog")."""

    __tablename__ = "seed_editions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    edition: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
