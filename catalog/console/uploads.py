"""Catalog files kept between their dry run and the apply (any process can apply them)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import CatalogUpload
from catalog.orders.types import changed_one


@dataclass(frozen=True, slots=True)
class UploadDTO:
    """A stored upload."""

    token: str
    actor: str
    filename: str
    content: bytes = field(repr=False)
    applied: bool


class Uploads:
    """Stores and claims uploaded catalog files; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def keep(self, actor: str, filename: str, content: bytes, now: datetime) -> str:
        """Stores a file; returns the token its apply form carries."""
        token = secrets.token_hex(16)
        self._session.add(
            CatalogUpload(
                token=token, actor=actor, filename=filename[:200], content=content, created_at=now
            )
        )
        await self._session.flush()
        return token

    async def get(self, token: str, actor: str) -> UploadDTO | None:
        """The upload `actor` made with this token, or None."""
        row = await self._session.scalar(
            select(CatalogUpload).where(CatalogUpload.token == token, CatalogUpload.actor == actor)
        )
        if row is None:
            return None
        return UploadDTO(
            row.token, row.actor, row.filename, row.content, row.applied_at is not None
        )

    async def mark_applied(self, token: str, now: datetime) -> bool:
        """Marks the upload applied once; False if it already was."""
        result = await self._session.execute(
            update(CatalogUpload)
            .where(CatalogUpload.token == token, CatalogUpload.applied_at.is_(None))
            .values(applied_at=now)
        )
        return changed_one(result)
