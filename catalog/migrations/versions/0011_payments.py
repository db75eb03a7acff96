"""Payments: sellers' prices, bank accounts, order payments, bank notifications; orders may
be paid by bank transfer.

Revision ID: 0011_payments
Revises: 0008_operator_console
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_payments"
down_revision: str | None = "0008_operator_console"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_PAYMENT = "payment IN ('cod', 'pickup')"
NEW_PAYMENT = "payment IN ('cod', 'pickup', 'transfer')"


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}"
    )


def _payment_check(check: str) -> None:
    """Replaces the orders table's payment CHECK (SQLite: through a batch copy)."""
    # 0004 stored its CHECK names through the naming convention: this is the name on disk,
    # marked with op.f so it is not prefixed once more.
    name = op.f("ck_orders_ck_orders_payment")
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint(name, type_="check")
        batch.create_check_constraint(name, check)


def upgrade() -> None:
    _payment_check(NEW_PAYMENT)
    op.create_table(
        "seller_prices",
        sa.Column("product_id", sa.String(64), nullable=False),
        sa.Column("producer_id", sa.String(64), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("set_by", sa.String(200), nullable=False),
        _at("set_at"),
        sa.PrimaryKeyConstraint("product_id", name="pk_seller_prices"),
        _fk("seller_prices", "product_id", "products"),
        _fk("seller_prices", "producer_id", "producers"),
        sa.CheckConstraint("amount_vnd > 0", name="ck_seller_prices_amount"),
    )
    op.create_index("ix_seller_prices_producer_id", "seller_prices", ["producer_id"])
    op.create_table(
        "bank_accounts",
        sa.Column("producer_id", sa.String(64), nullable=False),
        sa.Column("bank_bin", sa.String(6), nullable=False),
        sa.Column("account_number", sa.String(19), nullable=False),
        sa.Column("holder", sa.String(100), nullable=False),
        sa.Column("set_by", sa.String(200), nullable=False),
        _at("set_at"),
        sa.PrimaryKeyConstraint("producer_id", name="pk_bank_accounts"),
        _fk("bank_accounts", "producer_id", "producers"),
    )
    op.create_table(
        "order_payments",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger()),
        sa.Column("content", sa.String(25), nullable=False),
        _at("qr_sent_at", True),
        _at("paid_at", True),
        sa.Column("paid_by", sa.String(200)),
        sa.Column("received_vnd", sa.BigInteger()),
        _at("reminded_at", True),
        _at("created_at"),
        _at("updated_at"),
        sa.PrimaryKeyConstraint("order_id", name="pk_order_payments"),
        _fk("order_payments", "order_id", "orders"),
        sa.CheckConstraint(
            "state IN ('unpaid', 'paid', 'mismatch')", name="ck_order_payments_state"
        ),
        sa.CheckConstraint(
            "method IN ('cod', 'pickup', 'transfer')", name="ck_order_payments_method"
        ),
    )
    op.create_index("ix_order_payments_state", "order_payments", ["state"])
    op.create_table(
        "bank_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(16), nullable=False),
        sa.Column("txn_id", sa.String(64), nullable=False),
        sa.Column("amount_vnd", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("account_number", sa.String(32)),
        sa.Column("order_id", sa.Integer()),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("raw", sa.JSON(), nullable=False),
        _at("received_at"),
        sa.PrimaryKeyConstraint("id", name="pk_bank_notifications"),
        sa.UniqueConstraint("provider", "txn_id", name="uq_bank_notifications_provider"),
    )
    op.create_index("ix_bank_notifications_order_id", "bank_notifications", ["order_id"])
    op.create_index("ix_bank_notifications_outcome", "bank_notifications", ["outcome"])


def downgrade() -> None:
    for table in ("bank_notifications", "order_payments", "bank_accounts", "seller_prices"):
        op.drop_table(table)
    op.execute("UPDATE orders SET payment = 'cod' WHERE payment = 'transfer'")
    _payment_check(OLD_PAYMENT)
