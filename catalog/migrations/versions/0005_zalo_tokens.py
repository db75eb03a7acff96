"""Zalo OA tokens: the latest access token, its expiry and the rotated refresh token.

Revision ID: 0005_zalo_tokens
Revises: 0004_orders
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_zalo_tokens"
down_revision: str | None = "0004_orders"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Zalo invalidates a refresh token once used: the rotated one must survive a restart.
    op.create_table(
        "zalo_oa_tokens",
        sa.Column("app_id", sa.String(64), nullable=False),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("app_id", name="pk_zalo_oa_tokens"),
    )


def downgrade() -> None:
    op.drop_table("zalo_oa_tokens")
