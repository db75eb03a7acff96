"""Fresh databases for tests: a SQLite file, or a new database on the PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest

PG_ADMIN_DSN = os.environ.get("OCOPBOT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("OCOPBOT_TEST_REDIS", "redis://127.0.0.1:6379/15")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(what: str, why: str) -> None:
    """Skips a test whose server is missing, or fails it in CI where the server is required."""
    message = f"{what} is not reachable ({why}); start it as DEVELOPERS.md says"
    if in_ci():
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


async def pg_admin() -> asyncpg.Connection:
    try:
        return await asyncpg.connect(PG_ADMIN_DSN, timeout=3)
    except (OSError, asyncpg.PostgresError) as exc:
        unavailable(f"PostgreSQL at {PG_ADMIN_DSN}", exc.__class__.__name__)
        raise  # unreachable: skip/fail raise


@asynccontextmanager
async def fresh_postgres(template: str | None = None) -> AsyncIterator[str]:
    """Creates an empty (or template-copied) database and drops it afterwards.

    Yields:
        A SQLAlchemy URL (postgresql+asyncpg://...) for the new database.
    """
    admin = await pg_admin()
    name = f"ocopbot_t_{uuid.uuid4().hex[:12]}"
    clause = f' TEMPLATE "{template}"' if template else ""
    try:
        await admin.execute(f'CREATE DATABASE "{name}"{clause}')
        base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
        yield f"{base}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def sqlite_url(directory: Path) -> str:
    return f"sqlite+aiosqlite:///{directory / 'ocopbot-test.db'}"
