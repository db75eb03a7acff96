"""Web chat sessions: the hash of each issued token and the chat it belongs to.

Revision ID: 0003_web_sessions
Revises: 0002_conversations
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_web_sessions"
down_revision: str | None = "0002_conversations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only a SHA-256 of the token is kept, so reading this table does not reveal tokens.
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
        sa.UniqueConstraint("chat_id", name="uq_web_sessions_chat_id"),
    )


def downgrade() -> None:
    op.drop_table("web_sessions")
