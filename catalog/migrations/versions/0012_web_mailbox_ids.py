"""Web chat pushes are acknowledged by id: on SQLite the mailbox's ids are never reused.

A page acknowledges the pushes it received by their id (``after``); a new push must never
get an id a page already holds. PostgreSQL's sequence never hands one out twice; SQLite
without AUTOINCREMENT gives the next row max(rowid) + 1, an id used before once the newest
row is deleted, so the table is rebuilt with AUTOINCREMENT (rows and ids kept).

Revision ID: 0012_web_mailbox_ids
Revises: 0007_durability
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012_web_mailbox_ids"
down_revision: str | None = "0007_durability"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    kwargs = {"sqlite_autoincrement": autoincrement}
    with op.batch_alter_table("web_mailbox", recreate="always", table_kwargs=kwargs):
        pass


def upgrade() -> None:
    _rebuild(True)


def downgrade() -> None:
    _rebuild(False)
