"""The OA's tokens in the database (table zalo_oa_tokens, migration 0005), so a restart,
or another process, keeps using the latest rotated refresh token."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.zalo_oa.tokens import OaTokens

metadata = MetaData()

zalo_oa_tokens = Table(
    "zalo_oa_tokens",
    metadata,
    Column("app_id", String(64), primary_key=True),
    Column("access_token", Text, nullable=False),
    Column("refresh_token", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; they were stored as UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class SqlTokenStore:
    """Reads and writes one row per OA app with portable SQL (SQLite and PostgreSQL)."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def load(self, app_id: str) -> OaTokens | None:
        c = zalo_oa_tokens.c
        query = select(c.access_token, c.refresh_token, c.expires_at).where(c.app_id == app_id)
        async with self._sessions() as session:
            row = (await session.execute(query)).first()
        if row is None:
            return None
        return OaTokens(row.access_token, row.refresh_token, _aware(row.expires_at))

    async def save(self, app_id: str, tokens: OaTokens) -> None:
        values = {
            "access_token": tokens.access_token,
            "refresh_token": tokens.refresh_token,
            "expires_at": tokens.expires_at,
            "updated_at": datetime.now(UTC),
        }
        where = zalo_oa_tokens.c.app_id == app_id
        for _attempt in range(2):  # update, else insert; a racing insert falls back to update
            try:
                async with self._sessions() as session, session.begin():
                    changed = await session.execute(update(zalo_oa_tokens).where(where), values)
                    if not changed.rowcount:
                        await session.execute(insert(zalo_oa_tokens), {"app_id": app_id, **values})
                return
            except IntegrityError:
                continue
        raise RuntimeError("could not save the OA tokens")
