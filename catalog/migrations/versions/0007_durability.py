"""Durability: web pushes kept until a poll takes them, webhook updates recorded before
the 200, and the replies of each processed message kept for retries; indexes for the
retention pruner.

Revision ID: 0007_durability
Revises: 0011_payments
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_durability"
down_revision: str | None = "0011_payments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A push for a web chat waits here until a poll takes it (deleted in the same commit).
    op.create_table(
        "web_mailbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("message", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_web_mailbox"),
    )
    op.create_index("ix_web_mailbox_chat_id", "web_mailbox", ["chat_id", "id"])
    # A webhook update is answered 200 only once its row is committed; processed_at is set
    # when the engine has handled it, and start-up re-runs rows that have none.
    op.create_table(
        "webhook_inbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("update_key", sa.String(128), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_inbox"),
        sa.UniqueConstraint("channel", "update_key", name="uq_webhook_inbox_update"),
    )
    op.create_index("ix_webhook_inbox_pending", "webhook_inbox", ["channel", "processed_at"])
    op.create_index("ix_webhook_inbox_received_at", "webhook_inbox", ["received_at"])
    # The replies a message got, so a retry of the same id (another process, after a
    # restart) sees them again instead of nothing.
    with op.batch_alter_table("processed_message") as batch:
        batch.add_column(sa.Column("replies", sa.JSON(), nullable=True))
    op.create_index("ix_web_sessions_created_at", "web_sessions", ["created_at"])
    op.create_index("ix_conversation_state_updated_at", "conversation_state", ["updated_at"])
    op.create_index("ix_web_transcript_created_at", "web_transcript", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_web_transcript_created_at", "web_transcript")
    op.drop_index("ix_conversation_state_updated_at", "conversation_state")
    op.drop_index("ix_web_sessions_created_at", "web_sessions")
    with op.batch_alter_table("processed_message") as batch:
        batch.drop_column("replies")
    op.drop_table("webhook_inbox")
    op.drop_table("web_mailbox")
