"""SQLite group commit: a confirmed write is on disk before its commit returns, chats that
commit together share one flush, and the log is copied into the database in the background."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

import catalog.engine
import catalog.sqlite_durable
from catalog.db import make_engine, make_session_factory
from catalog.durable_session import transaction
from catalog.sqlite_durable import WalSync
from tests.db_servers import sqlite_url


class SlowDisk:
    """An fsync that takes ``seconds`` and records which rows were committed when it began
    (so, which commits it made durable)."""

    def __init__(self, database: Path, seconds: float) -> None:
        self._database = database
        self._seconds = seconds
        self.flushed: list[set[int]] = []  # rows covered by each finished flush
        self.failing = False

    def fsync(self, fd: int) -> None:
        if self.failing:
            raise OSError(5, "Input/output error")
        reader = sqlite3.connect(self._database)
        try:
            covered = {row[0] for row in reader.execute("SELECT id FROM orders_t")}
        finally:
            reader.close()
        time.sleep(self._seconds)
        os.fsync(fd)
        self.flushed.append(covered)


@pytest.fixture
def slow_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SlowDisk:
    disk = SlowDisk(tmp_path / "ocopbot-test.db", 0.03)

    def wal_sync(database: Path, *, flush: bool = True) -> WalSync:
        return WalSync(database, flush=flush, fsync=disk.fsync)

    monkeypatch.setattr(catalog.engine, "WalSync", wal_sync)
    return disk


@pytest.fixture
async def orders_db(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A SQLite file with one table of orders (after slow_disk, when a test uses both)."""
    engine = make_engine(sqlite_url(tmp_path))
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE orders_t (id INTEGER PRIMARY KEY)"))
        yield engine
    finally:
        await engine.dispose()


async def test_every_commit_is_flushed_before_it_returns_and_flushes_are_shared(
    slow_disk: SlowDisk, orders_db: AsyncEngine
) -> None:
    engine = orders_db
    slow_disk.flushed.clear()
    unflushed: list[int] = []

    async def confirm(order: int) -> None:
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO orders_t (id) VALUES (:i)"), {"i": order})
        # The commit returned: a flush that began after it must have finished.
        if not any(order in covered for covered in slow_disk.flushed):
            unflushed.append(order)

    started = time.perf_counter()
    await asyncio.gather(*(confirm(i) for i in range(12)))
    elapsed = time.perf_counter() - started
    assert unflushed == []
    # 12 commits, one writer at a time, but not one 30 ms flush after another.
    assert len(slow_disk.flushed) <= 4
    assert elapsed < 12 * 0.03


async def test_a_commit_whose_flush_fails_is_not_reported_done(
    slow_disk: SlowDisk, orders_db: AsyncEngine
) -> None:
    engine = orders_db
    slow_disk.failing = True
    with pytest.raises(OSError):
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO orders_t (id) VALUES (1)"))
    slow_disk.failing = False
    async with engine.begin() as conn:  # the next writer is not stuck behind it
        await conn.execute(text("INSERT INTO orders_t (id) VALUES (2)"))


async def test_the_log_is_copied_into_the_database_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orders_db: AsyncEngine
) -> None:
    monkeypatch.setattr(catalog.sqlite_durable, "CHECKPOINT_EVERY", 0.0)
    engine = orders_db
    for i in range(50):
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO orders_t (id) VALUES (:i)"), {"i": i})
    await asyncio.sleep(0.3)  # the last checkpoint runs on a thread
    # The database file alone (the log ignored) holds the rows: they were copied.
    uri = f"file:{tmp_path / 'ocopbot-test.db'}?immutable=1"
    main_file = sqlite3.connect(uri, uri=True)
    try:
        copied = main_file.execute("SELECT count(*) FROM orders_t").fetchone()[0]
    finally:
        main_file.close()
    assert copied >= 40


async def test_chats_committing_in_the_same_moment_share_one_flush(tmp_path: Path) -> None:
    # Five chats' commits return in one turn of the event loop, before any flush has started:
    # one flush that starts after all of them covers them all (not one for the first chat
    # and a second for the other four).
    database = tmp_path / "ocopbot-test.db"
    Path(f"{database}-wal").write_bytes(b"frames")
    flushes: list[int] = []
    sync = WalSync(database, fsync=flushes.append)
    await asyncio.gather(*(sync.durable() for _ in range(5)))
    assert len(flushes) == 1
    await sync.durable()  # a later commit gets a flush of its own, after it
    assert len(flushes) == 2


async def test_a_stopped_bot_leaves_every_order_in_the_database_file(
    tmp_path: Path, orders_db: AsyncEngine
) -> None:
    engine = orders_db
    for order in range(5):
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO orders_t (id) VALUES (:i)"), {"i": order})
    await engine.dispose()  # the bot stops; the operator copies ocopbot-test.db alone
    assert not (tmp_path / "ocopbot-test.db-wal").exists()
    uri = f"file:{tmp_path / 'ocopbot-test.db'}?immutable=1"
    copy = sqlite3.connect(uri, uri=True)
    try:
        assert copy.execute("SELECT count(*) FROM orders_t").fetchone()[0] == 5
    finally:
        copy.close()


async def test_a_session_commit_is_on_disk_when_it_returns_and_frees_its_connection_first(
    slow_disk: SlowDisk, orders_db: AsyncEngine
) -> None:
    """Twelve chats confirm at once, each in a transaction of the engine's kind: each one
    ends only once a flush covered its commit, and no chat holds a connection while it waits for
    the disk, so they all take turns on one connection (whose page cache stays current)."""
    sessions = make_session_factory(orders_db)
    slow_disk.flushed.clear()
    unflushed: list[int] = []

    async def confirm(order: int) -> None:
        async with transaction(sessions) as session:
            await session.execute(text("INSERT INTO orders_t (id) VALUES (:i)"), {"i": order})
        if not any(order in covered for covered in slow_disk.flushed):
            unflushed.append(order)

    await asyncio.gather(*(confirm(i) for i in range(12)))
    assert unflushed == []
    assert len(slow_disk.flushed) <= 4
    assert orders_db.sync_engine.pool.checkedin() == 1  # type: ignore[attr-defined]


async def test_a_session_commit_whose_flush_fails_raises(
    slow_disk: SlowDisk, orders_db: AsyncEngine
) -> None:
    sessions = make_session_factory(orders_db)
    slow_disk.failing = True
    async with sessions() as session:
        await session.execute(text("INSERT INTO orders_t (id) VALUES (1)"))
        with pytest.raises(OSError):
            await session.commit()
    slow_disk.failing = False
    async with sessions() as session:  # the next writer is not stuck behind it
        await session.execute(text("INSERT INTO orders_t (id) VALUES (2)"))
        await session.commit()


async def test_a_transaction_that_fails_leaves_nothing_and_the_next_one_goes_through(
    orders_db: AsyncEngine,
) -> None:
    sessions = make_session_factory(orders_db)
    with pytest.raises(RuntimeError):
        async with transaction(sessions) as session:
            await session.execute(text("INSERT INTO orders_t (id) VALUES (1)"))
            raise RuntimeError("the handler failed")
    async with transaction(sessions) as session:
        await session.execute(text("INSERT INTO orders_t (id) VALUES (2)"))
    async with orders_db.connect() as conn:
        rows = (await conn.execute(text("SELECT id FROM orders_t"))).scalars().all()
    assert rows == [2]
