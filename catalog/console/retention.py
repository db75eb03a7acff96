"""How long the console keeps what it keeps: expired sign-ins, old failures, old transcripts."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import (
    CatalogUpload,
    LoginAttempt,
    OperatorSession,
    TranscriptLine,
)

TRANSCRIPT_DAYS = 90  # long enough for any hand-off or order question; then it goes
UPLOAD_DAYS = 7


async def forget_old(session: AsyncSession, now: datetime) -> None:
    """Deletes expired sessions, day-old sign-in failures, old transcripts and uploads."""
    await session.execute(delete(OperatorSession).where(OperatorSession.expires_at <= now))
    await session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - timedelta(days=1)))
    await session.execute(
        delete(TranscriptLine).where(TranscriptLine.at < now - timedelta(days=TRANSCRIPT_DAYS))
    )
    await session.execute(
        delete(CatalogUpload).where(CatalogUpload.created_at < now - timedelta(days=UPLOAD_DAYS))
    )
