"""Catalog edition 2: descriptions, structured prices, new place kinds, events, figures.

Also records which seed edition a database holds: a database that already has products was
seeded from edition 1 (the only one before this revision), so it gets edition 1 and
``catalog.seed.upgrade`` merges edition 2 into it once, at start-up.

Revision ID: 0006_edition2
Revises: 0005_zalo_tokens
Create Date: 2026-12-05
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_edition2"
down_revision: str | None = "0005_zalo_tokens"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KINDS = (
    "ocop_center",
    "ocop_sales_point",
    "fair_venue",
    "rest_stop",
    "producer_visit",
    "tourism_site",
    "festival",
)
NEW_KINDS = ("festival_venue", "ocop_store", "local_market", "heritage_site", "producer_facility")
EVENT_KINDS = (
    "ocop_fair",
    "festival",
    "trade_fair",
    "ocop_trade_week",
    "ocop_fair_series",
    "festival_series",
)


def _in(kinds: Sequence[str]) -> str:
    return f"kind IN ({', '.join(repr(k) for k in kinds)})"


def _add_columns() -> None:
    # Batch mode: plain ALTER TABLE on PostgreSQL, a table copy on SQLite (which cannot
    # change a CHECK constraint in place); env.py runs this with foreign keys off.
    with op.batch_alter_table("products") as batch:
        for name in ("description_vi", "description_en", "ocop_status", "price_stated"):
            batch.add_column(sa.Column(name, sa.Text()))
        batch.add_column(sa.Column("price_kind", sa.String(20)))
        batch.add_column(sa.Column("price_date", sa.String(20)))
        batch.add_column(sa.Column("price_source", sa.Text()))
        batch.add_column(sa.Column("price_set_by", sa.String(64)))
    with op.batch_alter_table("places") as batch:
        for name in ("description_vi", "description_en", "note"):
            batch.add_column(sa.Column(name, sa.Text()))
        batch.drop_constraint("ck_places_kind", type_="check")
        batch.create_check_constraint("ck_places_kind", _in(OLD_KINDS + NEW_KINDS))


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(64)),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name_vi", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300)),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("dates_as_stated", sa.Text()),
        sa.Column("recurring", sa.Text()),
        sa.Column("months", sa.JSON(), nullable=False),
        sa.Column("usual_time_vi", sa.Text()),
        sa.Column("usual_time_en", sa.Text()),
        sa.Column("venue", sa.Text()),
        sa.Column("place_id", sa.String(64)),
        sa.Column("district_id", sa.String(64)),
        sa.Column("products_featured", sa.JSON(), nullable=False),
        sa.Column("facts", sa.Text()),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.String(10)),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], name="fk_events_place_id_places"),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name="fk_events_district_id_districts"
        ),
        sa.CheckConstraint(_in(EVENT_KINDS), name="ck_events_kind"),
    )
    op.create_index("ix_events_kind", "events", ["kind"])
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_index("ix_events_district_id", "events", ["district_id"])


def _create_figures_and_platforms() -> None:
    counts = (
        "products_total",
        "products_3_to_5_star",
        "stars_three",
        "stars_four",
        "stars_five",
        "stars_five_provincial",
        "stars_five_national",
        "entities",
        "sales_points",
    )
    op.create_table(
        "figures",
        sa.Column("id", sa.String(64)),
        sa.Column("scope", sa.String(64), nullable=False),
        sa.Column("as_of", sa.String(100), nullable=False),
        *(sa.Column(name, sa.Integer()) for name in counts),
        sa.Column("details", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(10)),
        sa.PrimaryKeyConstraint("id", name="pk_figures"),
    )
    op.create_index("ix_figures_scope", "figures", ["scope"])
    op.create_table(
        "online_platforms",
        sa.Column("id", sa.String(64)),
        sa.Column("channel", sa.String(300), nullable=False),
        sa.Column("fact", sa.Text()),
        sa.Column("best_sellers", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(10)),
        sa.PrimaryKeyConstraint("id", name="pk_online_platforms"),
    )


def _record_edition() -> None:
    editions = op.create_table(
        "seed_editions",
        sa.Column("name", sa.String(40)),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_seed_editions"),
    )
    products = sa.table("products", sa.column("id", sa.String))
    seeded = op.get_bind().scalar(sa.select(sa.func.count()).select_from(products))
    if seeded:  # products before edition 2 can only come from the edition-1 seed (+ edits)
        now = datetime.datetime.now(datetime.UTC)
        op.bulk_insert(editions, [{"name": "catalog", "edition": 1, "updated_at": now}])


def upgrade() -> None:
    _add_columns()
    _create_events()
    _create_figures_and_platforms()
    _record_edition()


def downgrade() -> None:
    op.drop_table("seed_editions")
    op.drop_table("online_platforms")
    op.drop_table("figures")
    op.drop_table("events")
    with op.batch_alter_table("places") as batch:
        batch.drop_constraint("ck_places_kind", type_="check")
        batch.create_check_constraint("ck_places_kind", _in(OLD_KINDS))
        for name in ("note", "description_en", "description_vi"):
            batch.drop_column(name)
    with op.batch_alter_table("products") as batch:
        for name in (
            "price_set_by",
            "price_source",
            "price_date",
            "price_kind",
            "price_stated",
            "ocop_status",
            "description_en",
            "description_vi",
        ):
            batch.drop_column(name)
