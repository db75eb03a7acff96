"""Catalog tables: districts, producers, products, places, place_products.

Revision ID: 0001_catalog
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_catalog"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PLACE_KINDS = (
    "kind IN ('ocop_center', 'ocop_sales_point', 'fair_venue', 'rest_stop',"
    " 'producer_visit', 'tourism_site', 'festival')"
)


def upgrade() -> None:
    op.create_table(
        "districts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name_vi", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200)),
        sa.Column("centre", sa.String(200)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.PrimaryKeyConstraint("id", name="pk_districts"),
    )
    op.create_table(
        "producers",
        sa.Column("id", sa.String(64)),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("district_id", sa.String(64)),
        sa.Column("source", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_producers"),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name="fk_producers_district_id_districts"
        ),
        sa.CheckConstraint(
            "type IN ('company', 'cooperative', 'household')", name="ck_producers_type"
        ),
    )
    op.create_index("ix_producers_district_id", "producers", ["district_id"])
    op.create_table(
        "products",
        sa.Column("id", sa.String(64)),
        sa.Column("name_vi", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300)),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("stars", sa.Integer()),
        sa.Column("star_level", sa.String(40)),
        sa.Column("star_year", sa.String(200)),
        sa.Column("producer_id", sa.String(64)),
        sa.Column("district_id", sa.String(64)),
        sa.Column("price_vnd", sa.Integer()),
        sa.Column("price_max_vnd", sa.Integer()),
        sa.Column("price_unit", sa.String(40)),
        sa.Column("price_note", sa.Text()),
        sa.Column("unit", sa.String(40)),
        sa.Column("description", sa.Text()),
        sa.Column("note", sa.Text()),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.String(10)),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_products"),
        sa.ForeignKeyConstraint(
            ["producer_id"], ["producers.id"], name="fk_products_producer_id_producers"
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name="fk_products_district_id_districts"
        ),
        sa.CheckConstraint("stars IS NULL OR stars BETWEEN 3 AND 5", name="ck_products_stars"),
    )
    op.create_index("ix_products_category", "products", ["category"])
    op.create_index("ix_products_producer_id", "products", ["producer_id"])
    op.create_index("ix_products_district_id", "products", ["district_id"])
    op.create_table(
        "places",
        sa.Column("id", sa.String(64)),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name_vi", sa.String(300), nullable=False),
        sa.Column("name_en", sa.String(300)),
        sa.Column("address", sa.Text()),
        sa.Column("district_id", sa.String(64)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("coord_confidence", sa.String(10)),
        sa.Column("coord_note", sa.Text()),
        sa.Column("season", sa.Text()),
        sa.Column("facts", sa.Text()),
        sa.Column("ocop_link", sa.Text()),
        sa.Column("venue", sa.Text()),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.String(10)),
        sa.PrimaryKeyConstraint("id", name="pk_places"),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name="fk_places_district_id_districts"
        ),
        sa.CheckConstraint(PLACE_KINDS, name="ck_places_kind"),
    )
    op.create_index("ix_places_kind", "places", ["kind"])
    op.create_index("ix_places_district_id", "places", ["district_id"])
    op.create_table(
        "place_products",
        sa.Column("place_id", sa.String(64)),
        sa.Column("product_id", sa.String(64)),
        sa.Column("source", sa.Text()),
        sa.PrimaryKeyConstraint("place_id", "product_id", name="pk_place_products"),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
            name="fk_place_products_place_id_places",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name="fk_place_products_product_id_products",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_place_products_product_id", "place_products", ["product_id"])


def downgrade() -> None:
    op.drop_table("place_products")
    op.drop_table("places")
    op.drop_table("products")
    op.drop_table("producers")
    op.drop_table("districts")
