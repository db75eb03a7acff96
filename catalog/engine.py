"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (scale-out)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from catalog import json_codec
from catalog.cache import INFO_KEY, CatalogCache
from catalog.durable_session import DurableSession
from catalog.pool_ping import ping_when_idle
from catalog.sqlite_driver import BUSY_TIMEOUT_MS, LoopDbapi
from catalog.sqlite_durable import WalSync
from catalog.sqlite_writer import WriterQueue

logger = logging.getLogger(__name__)

ASYNC_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


SYNCHRONOUS = ("FULL", "NORMAL")
#: JSON columns are written and read with orjson (catalog.json_codec).
_JSON = {"json_serializer": json_codec.dumps, "json_deserializer": json_codec.loads}


def _sqlite_file_pragmas(synchronous: str) -> Any:
    """Write-ahead log for a database file: commits append instead of rewriting pages.

    WAL is stored in the file, so it is switched on once (the first connection that finds
    the file in another mode); ``synchronous`` is per connection. FULL (the default): a
    commit returns once it is on disk, so a confirmed order survives a power cut too; the
    connection itself runs NORMAL and the engine's writer queue flushes the log after the
    commit, one flush for the commits that finish together (catalog.sqlite_durable: group
    commit). NORMAL survives any crash of the process, but a power cut or OS crash may lose
    the last commits (never corrupting the file). bench/sqlite_sync_bench.py measures both.
    """
    if synchronous not in SYNCHRONOUS:
        raise ValueError(f"synchronous must be one of {SYNCHRONOUS}")

    def pragmas(dbapi_connection: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode")
        if str(cursor.fetchone()[0]).lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # FULL: flushed by the group commit
        cursor.execute("PRAGMA wal_autocheckpoint=0")  # checkpoints: catalog.sqlite_durable
        cursor.close()

    return pragmas


def make_engine(url: str, *, synchronous: str = "FULL") -> AsyncEngine:
    """Creates an async engine with settings that suit the database.

    SQLite: creates the file's parent directory and turns foreign keys on for every
    connection; a file uses the write-ahead log with ``synchronous`` FULL (every commit on
    disk before it returns, commits finishing together sharing one flush; NORMAL: one flush
    per checkpoint). PostgreSQL: a small pool whose connections are
    pinged before use when they sat idle (:mod:`catalog.pool_ping`).

    Args:
        url: a SQLAlchemy URL, e.g. ``sqlite+aiosqlite:///./data/ocopbot.db`` or
            ``postgresql+asyncpg://user@host/db``; plain ``sqlite://`` and
            ``postgresql://`` get the async driver.

    Returns:
        The engine; dispose of it when done.
    """
    parsed = make_url(url)
    if parsed.drivername in ASYNC_DRIVERS:  # "postgresql://..." works too
        parsed = parsed.set(drivername=ASYNC_DRIVERS[parsed.drivername])
    if parsed.get_backend_name() != "sqlite":
        engine = create_async_engine(parsed, pool_size=5, max_overflow=10, **_JSON)
        ping_when_idle(engine)  # pool_pre_ping's guarantee without its 3 round trips per use
        return engine
    database = parsed.database or ""
    # SQLite on the event loop, on aiosqlite's thread only to wait for another process's
    # writer lock (catalog.sqlite_driver).
    timeout = BUSY_TIMEOUT_MS / 1000
    kwargs: dict[str, Any] = {
        "connect_args": {"timeout": timeout},
        "module": LoopDbapi(),
        **_JSON,
    }
    pragmas = file_pragmas = _sqlite_file_pragmas(synchronous)
    if database in ("", ":memory:"):
        kwargs["poolclass"] = StaticPool  # one shared connection keeps the memory database
        pragmas = _sqlite_pragmas
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # The connection returned last is handed out first: its page cache is current when
        # it committed last (catalog.durable_session); the oldest one's never is.
        kwargs["pool_use_lifo"] = True
    engine = create_async_engine(parsed, **kwargs)
    event.listen(engine.sync_engine, "connect", pragmas)
    if pragmas is file_pragmas:
        # Writers queue in order instead of busy-sleeping; with FULL, commits are flushed
        # to disk together after they let the next writer in.
        durable = WalSync(Path(os.path.abspath(database)), flush=synchronous == "FULL")
        WriterQueue(durable=durable).install(engine)
    return engine


def make_session_factory(
    engine: AsyncEngine, *, catalog_cache: CatalogCache | None = None
) -> async_sessionmaker[AsyncSession]:
    """Returns the session factory every caller uses (objects stay readable after commit).

    Args:
        engine: from :func:`make_engine`.
        catalog_cache: serves the catalog's hot reads on every session of this factory
            (see :mod:`catalog.cache`); None reads the database every time.
    """
    info = {INFO_KEY: catalog_cache} if catalog_cache is not None else None
    return async_sessionmaker(engine, class_=DurableSession, expire_on_commit=False, info=info)
