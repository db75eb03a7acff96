"""Order tables: placements, orders, items, events, outbox, producer invites and inboxes.

Revision ID: 0004_orders
Revises: 0003_web_sessions
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_orders"
down_revision: str | None = "0003_web_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status IN ('pending', 'accepted', 'declined', 'cancelled', 'shipped', 'delivered')"


def _id(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _fk(table: str, column: str, target: str, **kwargs: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", **kwargs
    )


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "order_placements",
        *_id("order_placements"),
        sa.Column("customer_address", sa.String(160), nullable=False),
        sa.Column("idempotency_key", sa.String(160), nullable=False),
        _at("created_at"),
        sa.UniqueConstraint(
            "customer_address", "idempotency_key", name="uq_order_placements_customer_address"
        ),
    )
    op.create_table(
        "orders",
        *_id("orders"),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("customer_address", sa.String(160), nullable=False),
        sa.Column("customer_language", sa.String(8), nullable=False),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("delivery_kind", sa.String(10), nullable=False),
        sa.Column("address", sa.Text()),
        sa.Column("pickup_place_id", sa.String(64)),
        sa.Column("note", sa.Text()),
        sa.Column("payment", sa.String(10), nullable=False),
        sa.Column("producer_id", sa.String(64)),
        sa.Column("operator_routed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _at("created_at"),
        _at("updated_at"),
        _at("reminded_at", nullable=True),
        _at("escalated_at", nullable=True),
        sa.UniqueConstraint("number", name="uq_orders_number"),
        _fk("orders", "placement_id", "order_placements"),
        _fk("orders", "pickup_place_id", "places"),
        _fk("orders", "producer_id", "producers"),
        sa.CheckConstraint(STATUSES, name="ck_orders_status"),
        sa.CheckConstraint(
            "delivery_kind IN ('delivery', 'pickup')", name="ck_orders_delivery_kind"
        ),
        sa.CheckConstraint("payment IN ('cod', 'pickup')", name="ck_orders_payment"),
    )
    for column in ("placement_id", "customer_address", "producer_id", "status"):
        op.create_index(f"ix_orders_{column}", "orders", [column])
    op.create_table(
        "order_items",
        *_id("order_items"),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("unit_price_vnd", sa.Integer()),
        _fk("order_items", "order_id", "orders", ondelete="CASCADE"),
        sa.CheckConstraint("quantity > 0", name="ck_order_items_quantity"),
    )
    op.create_index("ix_order_items_order_id", "order_items", ["order_id"])
    op.create_table(
        "order_events",
        *_id("order_events"),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(12)),
        sa.Column("to_status", sa.String(12), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text()),
        _at("at"),
        _fk("order_events", "order_id", "orders", ondelete="CASCADE"),
    )
    op.create_index("ix_order_events_order_id", "order_events", ["order_id"])
    _inbox_tables()


def _inbox_tables() -> None:
    op.create_table(
        "producer_inboxes",
        *_id("producer_inboxes"),
        sa.Column("producer_id", sa.String(64), nullable=False),
        sa.Column("address", sa.String(160), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        _at("linked_at"),
        _fk("producer_inboxes", "producer_id", "producers"),
        sa.UniqueConstraint("producer_id", "address", name="uq_producer_inboxes_producer_id"),
    )
    op.create_index("ix_producer_inboxes_producer_id", "producer_inboxes", ["producer_id"])
    op.create_index("ix_producer_inboxes_address", "producer_inboxes", ["address"])
    op.create_table(
        "producer_invites",
        *_id("producer_invites"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("producer_id", sa.String(64), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("used_at", nullable=True),
        sa.Column("used_by", sa.String(160)),
        _fk("producer_invites", "producer_id", "producers"),
        sa.UniqueConstraint("code_hash", name="uq_producer_invites_code_hash"),
    )
    op.create_index("ix_producer_invites_producer_id", "producer_invites", ["producer_id"])
    op.create_table(
        "outbox",
        *_id("outbox"),
        sa.Column("recipient", sa.String(160), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("order_id", sa.Integer()),
        sa.Column("dedup_key", sa.String(200), nullable=False),
        _at("created_at"),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _at("next_attempt_at"),
        sa.Column("claim_token", sa.String(32)),
        _at("delivered_at", nullable=True),
        sa.Column("last_error", sa.Text()),
        sa.UniqueConstraint("dedup_key", name="uq_outbox_dedup_key"),
    )
    op.create_index("ix_outbox_order_id", "outbox", ["order_id"])
    op.create_index("ix_outbox_due", "outbox", ["delivered_at", "next_attempt_at"])


def downgrade() -> None:
    for table in (
        "outbox",
        "producer_invites",
        "producer_inboxes",
        "order_events",
        "order_items",
        "orders",
        "order_placements",
    ):
        op.drop_table(table)
