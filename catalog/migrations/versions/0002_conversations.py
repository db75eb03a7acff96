"""Conversation state and processed-message de-duplication for the chat engine.

Revision ID: 0002_conversations
Revises: 0001_catalog
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_conversations"
down_revision: str | None = "0001_catalog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversation_state",
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("chat_id", sa.String(128), nullable=False),
        sa.Column("namespace", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "chat_id", "namespace", name="pk_conversation_state"),
    )
    op.create_table(
        "processed_message",
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "message_id", name="pk_processed_message"),
    )
    op.create_index("ix_processed_message_created_at", "processed_message", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_processed_message_created_at", table_name="processed_message")
    op.drop_table("processed_message")
    op.drop_table("conversation_state")
