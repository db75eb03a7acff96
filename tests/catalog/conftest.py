"""A CatalogService on a seeded database (SQLite and PostgreSQL), one transaction per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.services import CatalogService


@pytest.fixture
async def catalog(
    catalog_session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[CatalogService]:
    async with catalog_session_factory() as session, session.begin():
        yield CatalogService(session)
