"""SQLite files: writers queue in process, statements run on the loop, WAL is on."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from catalog.db import make_engine
from tests.db_servers import sqlite_url


async def test_concurrent_writers_queue_instead_of_busy_sleeping(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    try:
        async with engine.begin() as conn:
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)"))

        async def write(i: int) -> None:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT count(*) FROM t"))
                await conn.execute(text("INSERT INTO t (id, n) VALUES (:i, :i)"), {"i": i})
                await asyncio.sleep(0.002)  # hold the writer across an await
                await conn.execute(text("UPDATE t SET n = n + 1 WHERE id = :i"), {"i": i})
                if i % 5 == 0:
                    await conn.rollback()  # a rolled-back writer hands the lock on too
                else:
                    await conn.commit()

        started = time.perf_counter()
        await asyncio.gather(*(write(i) for i in range(40)))
        # 40 writers of ~2 ms each: queued, not sleeping 100 ms rounds in SQLite's handler.
        assert time.perf_counter() - started < 2.0
        async with engine.connect() as conn:
            rows = (await conn.execute(text("SELECT n FROM t ORDER BY n"))).scalars().all()
        assert rows == sorted(i + 1 for i in range(40) if i % 5)
    finally:
        await engine.dispose()


async def test_a_connection_returned_mid_write_releases_the_writer(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        async with engine.connect() as conn:
            await conn.execute(text("INSERT INTO t DEFAULT VALUES"))  # closed uncommitted
        async with engine.begin() as conn:
            await asyncio.wait_for(conn.execute(text("INSERT INTO t DEFAULT VALUES")), 2)
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 1
    finally:
        await engine.dispose()


@pytest.mark.parametrize("rows", [1, 3], ids=["one row", "several rows (executemany)"])
async def test_another_process_writing_never_freezes_the_bot(tmp_path: Path, rows: int) -> None:
    """Statements run on the event loop, but a write that must wait for another process's
    writer lock (a command-line import) waits on aiosqlite's thread: the loop keeps serving
    other chats and reads meanwhile, and the write goes through once the lock is free. A
    multi-row insert (a chat's history entries) is such a first write too."""
    engine = make_engine(sqlite_url(tmp_path))
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)"))
            await conn.execute(text("INSERT INTO t (id, n) VALUES (1, 0)"))
        other = sqlite3.connect(tmp_path / "ocopbot-test.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the other process holds the writer lock
        other.execute("UPDATE t SET n = 5 WHERE id = 1")

        async def write() -> None:
            async with engine.begin() as conn:
                if rows > 1:
                    added = [{"i": 10 + i, "n": 7} for i in range(rows)]
                    await conn.execute(text("INSERT INTO t (id, n) VALUES (:i, :n)"), added)
                await conn.execute(text("UPDATE t SET n = n + 1 WHERE id = 1"))

        writing = asyncio.create_task(write())
        ticks = 0
        for _ in range(20):  # 0.2 s of a loop that must stay responsive
            await asyncio.sleep(0.01)
            ticks += 1
        async with engine.connect() as conn:  # a read is not blocked either (WAL)
            assert (await conn.execute(text("SELECT n FROM t"))).scalar() == 0
        assert not writing.done() and ticks == 20
        other.execute("COMMIT")
        other.close()
        await asyncio.wait_for(writing, 5)
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT n FROM t WHERE id = 1"))).scalar() == 6
            count = (await conn.execute(text("SELECT count(*) FROM t WHERE n = 7"))).scalar()
            assert count == (rows if rows > 1 else 0)
    finally:
        await engine.dispose()
