"""The audit log: every console action with who did it and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import AuditEntry

DETAIL_CHARS = 1000


@dataclass(frozen=True, slots=True)
class AuditDTO:
    """One audit entry."""

    at: datetime
    actor: str
    action: str
    target: str
    detail: str | None


class AuditLog:
    """Writes and reads the audit log; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def write(
        self, actor: str, action: str, target: str, now: datetime, detail: str | None = None
    ) -> None:
        """Records that `actor` did `action` on `target` at `now`."""
        self._session.add(
            AuditEntry(
                at=now,
                actor=actor[:200],
                action=action[:60],
                target=target[:200],
                detail=(detail or "")[:DETAIL_CHARS] or None,
            )
        )
        await self._session.flush()

    async def recent(self, limit: int = 200) -> list[AuditDTO]:
        """The newest entries first."""
        rows = await self._session.scalars(
            select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        )
        return [AuditDTO(r.at, r.actor, r.action, r.target, r.detail) for r in rows]
