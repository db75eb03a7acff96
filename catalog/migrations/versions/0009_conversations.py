"""Web chat transcripts: what a visitor saw, so the page shows it again after a reload.

Revision ID: 0009_conversations
Revises: 0006_edition2
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_conversations"
down_revision: str | None = "0006_edition2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # One row per visible message (the visitor's or the bot's), oldest first by id.
    op.create_table(
        "web_transcript",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_web_transcript"),
    )
    op.create_index("ix_web_transcript_chat_id", "web_transcript", ["chat_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_web_transcript_chat_id", table_name="web_transcript")
    op.drop_table("web_transcript")
