"""Operator console: accounts, sessions, login failures, audit log, inbox, transcript,
analytics events and pending catalog uploads.

Revision ID: 0008_operator_console
Revises: 0009_conversations
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_operator_console"
down_revision: str | None = "0009_conversations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str, size: int | None = None, nullable: bool = False) -> sa.Column:
    kind = sa.String(size) if size else sa.Text()
    return sa.Column(name, kind, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "operator_accounts",
        *_id("operator_accounts"),
        _text("email", 200),
        _text("password_hash", 200),
        _text("role", 10),
        sa.Column("active", sa.Boolean(), nullable=False),
        _at("created_at"),
        _at("last_login_at", nullable=True),
        sa.UniqueConstraint("email", name="uq_operator_accounts_email"),
    )
    op.create_table(
        "operator_sessions",
        _text("token_hash", 64),
        sa.Column("account_id", sa.Integer(), nullable=False),
        _text("csrf", 64),
        _at("created_at"),
        _at("expires_at"),
        sa.PrimaryKeyConstraint("token_hash", name="pk_operator_sessions"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["operator_accounts.id"],
            name="fk_operator_sessions_account_id_operator_accounts",
        ),
    )
    op.create_index("ix_operator_sessions_account_id", "operator_sessions", ["account_id"])
    op.create_table(
        "operator_login_failures",
        *_id("operator_login_failures"),
        _text("email", 200),
        _text("address", 64),
        _at("at"),
    )
    op.create_index("ix_login_failures_email_at", "operator_login_failures", ["email", "at"])
    op.create_index("ix_operator_login_failures_address", "operator_login_failures", ["address"])
    op.create_table(
        "operator_audit",
        *_id("operator_audit"),
        _at("at"),
        _text("actor", 200),
        _text("action", 60),
        _text("target", 200),
        _text("detail", nullable=True),
    )
    op.create_index("ix_operator_audit_at", "operator_audit", ["at"])
    op.create_table(
        "operator_inbox",
        *_id("operator_inbox"),
        _text("kind", 10),
        _text("address", 160),
        sa.Column("order_id", sa.Integer(), nullable=True),
        _text("text", nullable=True),
        _text("language", 8),
        _at("created_at"),
        _at("updated_at"),
        _text("held_by", 200, nullable=True),
        _at("done_at", nullable=True),
        _text("done_by", 200, nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name="fk_operator_inbox_order_id_orders"
        ),
    )
    op.create_index("ix_operator_inbox_open", "operator_inbox", ["done_at", "id"])
    op.create_index("ix_operator_inbox_address", "operator_inbox", ["address"])
    op.create_index("ix_operator_inbox_order_id", "operator_inbox", ["order_id"])
    op.create_table(
        "conversation_transcript",
        *_id("conversation_transcript"),
        _text("address", 160),
        _text("author", 10),
        _text("text"),
        _at("at"),
    )
    op.create_index("ix_transcript_address_id", "conversation_transcript", ["address", "id"])
    op.create_index("ix_conversation_transcript_at", "conversation_transcript", ["at"])
    op.create_table(
        "analytics_events",
        *_id("analytics_events"),
        _at("at"),
        _text("channel", 20),
        _text("user_hash", 24),
        _text("intent", 60, nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("product_ids", sa.JSON(), nullable=False),
        sa.Column("place_ids", sa.JSON(), nullable=False),
        sa.Column("understood", sa.Boolean(), nullable=False),
        _text("text", nullable=True),
    )
    op.create_index("ix_analytics_events_at", "analytics_events", ["at"])
    op.create_table(
        "operator_uploads",
        *_id("operator_uploads"),
        _text("token", 32),
        _text("actor", 200),
        _text("filename", 200),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _at("created_at"),
        _at("applied_at", nullable=True),
        sa.UniqueConstraint("token", name="uq_operator_uploads_token"),
    )


def downgrade() -> None:
    for table in (
        "operator_uploads",
        "analytics_events",
        "conversation_transcript",
        "operator_inbox",
        "operator_audit",
        "operator_login_failures",
        "operator_sessions",
        "operator_accounts",
    ):
        op.drop_table(table)
