"""Console sessions: the SHA-256 of each cookie, its CSRF token and its expiry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.accounts import AccountDTO, _dto
from catalog.console.models import OperatorAccount, OperatorSession


@dataclass(frozen=True, slots=True)
class SessionDTO:
    """A live session: who, and the token their forms must carry."""

    account: AccountDTO
    csrf: str = field(repr=False)
    expires_at: datetime


class ConsoleSessions:
    """Creates, finds and ends console sessions; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def create(
        self, token_hash: str, account_id: int, csrf: str, now: datetime, expires_at: datetime
    ) -> None:
        """Stores a new session (the clear token exists only in the browser's cookie)."""
        self._session.add(
            OperatorSession(
                token_hash=token_hash,
                account_id=account_id,
                csrf=csrf,
                created_at=now,
                expires_at=expires_at,
            )
        )
        await self._session.flush()

    async def find(self, token_hash: str, now: datetime) -> SessionDTO | None:
        """The live session of an active account, or None (expired, ended, disabled)."""
        row = (
            await self._session.execute(
                select(OperatorSession, OperatorAccount)
                .join(OperatorAccount, OperatorAccount.id == OperatorSession.account_id)
                .where(OperatorSession.token_hash == token_hash)
            )
        ).first()
        if row is None:
            return None
        stored, account = row
        if stored.expires_at <= now or not account.active:
            return None
        return SessionDTO(_dto(account), stored.csrf, stored.expires_at)

    async def end(self, token_hash: str) -> None:
        """Signs the session out."""
        await self._session.execute(
            delete(OperatorSession).where(OperatorSession.token_hash == token_hash)
        )

    async def forget_expired(self, now: datetime) -> None:
        """Drops sessions past their expiry."""
        await self._session.execute(
            delete(OperatorSession).where(OperatorSession.expires_at <= now)
        )
