"""A turn's own statements sent straight to the driver behave as through SQLAlchemy:
same stored values, the turn's one transaction, duplicates refused, writers queued."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    bindparam,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.db import make_engine, make_session_factory
from catalog.fast_sql import FastStatement
from catalog.sqlite_driver import run_here
from tests.db_servers import sqlite_url

metadata = MetaData()
notes = Table(
    "fast_notes",
    metadata,
    Column("chat_id", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
_c = notes.c
ADD = FastStatement(
    insert(notes).values(chat_id=bindparam("chat"), data=bindparam("data"), at=bindparam("at"))
)
CHANGE = FastStatement(
    update(notes).where(_c.chat_id == bindparam("chat")).values(data=bindparam("data"))
)
READ = FastStatement(select(_c.data, _c.at).where(_c.chat_id == bindparam("chat")))
AT = datetime(2026, 12, 6, 8, 30, 15, 123456, tzinfo=UTC)
STATE = {"lang": "vi", "step": "checkout:phone", "note": "giao trước 5h chiều nhé", "n": [1, 2]}


async def _read(session: AsyncSession, chat: str) -> list[tuple[object, datetime]]:
    """The fast read's rows; SQLite keeps no time zone, so its times are read as UTC."""
    rows = await READ.rows(session, {"chat": chat})
    return [(data, at if at.tzinfo else at.replace(tzinfo=UTC)) for data, at in rows]


async def _engine(empty_db_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(empty_db_url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return engine


async def test_what_the_fast_path_writes_reads_back_the_same_through_sqlalchemy(
    empty_db_url: str,
) -> None:
    engine = await _engine(empty_db_url)
    sessions = make_session_factory(engine)
    try:
        async with sessions.begin() as session:
            await ADD.run(session, {"chat": "web:1", "data": STATE, "at": AT})
            assert await CHANGE.run(session, {"chat": "web:1", "data": {**STATE, "n": [3]}}) == 1
            assert await CHANGE.run(session, {"chat": "web:nobody", "data": STATE}) == 0
            await ADD.run_many(
                session,
                [{"chat": f"web:{i}", "data": {"i": i}, "at": AT} for i in (2, 3)],
            )
            # Read in the same transaction, before the commit: one transaction.
            assert await _read(session, "web:1") == [({**STATE, "n": [3]}, AT)]
        async with sessions() as session:
            row = (
                await session.execute(select(_c.data, _c.at).where(_c.chat_id == "web:1"))
            ).one()
            assert row.data == {**STATE, "n": [3]}
            assert row.at.replace(tzinfo=UTC) == AT  # SQLite keeps no zone: same instant
            count = await session.scalar(text("SELECT count(*) FROM fast_notes"))
            assert count == 3
    finally:
        await engine.dispose()


async def test_a_turn_that_rolls_back_leaves_nothing_and_a_duplicate_is_refused(
    empty_db_url: str,
) -> None:
    engine = await _engine(empty_db_url)
    sessions = make_session_factory(engine)
    try:
        with pytest.raises(RuntimeError):
            async with sessions.begin() as session:
                await ADD.run(session, {"chat": "web:1", "data": STATE, "at": AT})
                raise RuntimeError("the handler failed")
        async with sessions() as session:
            assert await _read(session, "web:1") == []
        async with sessions.begin() as session:
            await ADD.run(session, {"chat": "web:1", "data": STATE, "at": AT})
        with pytest.raises(IntegrityError):
            async with sessions.begin() as session:
                await ADD.run(session, {"chat": "web:1", "data": {}, "at": AT})
        async with sessions() as session:
            assert await _read(session, "web:1") == [(STATE, AT)]
    finally:
        await engine.dispose()


async def test_fast_writers_queue_behind_other_writers_of_the_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite has one writer: turns of this process queue for it in order, fast statements
    and SQLAlchemy's alike, so none of them waits in SQLite's busy handler on aiosqlite's
    thread (that is kept for another process holding the lock), and all commit."""
    engine = await _engine(sqlite_url(tmp_path))
    sessions = make_session_factory(engine)
    waited_on_thread: list[str] = []
    execute = aiosqlite.Connection._execute

    async def watched(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        if fn is run_here:  # a statement that found SQLite's writer lock taken
            waited_on_thread.append(str(args[1]))
        return await execute(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", watched)
    try:

        async def turn(chat: str, fast_first: bool) -> None:
            async with sessions.begin() as session:
                values = {"chat": chat, "data": {}, "at": AT}
                if fast_first:
                    await ADD.run(session, values)
                else:
                    await session.execute(insert(notes).values(chat_id=chat, data={}, at=AT))
                await asyncio.sleep(0.05)  # holds the writer across an await
                await CHANGE.run(session, {**values, "data": {"done": chat}})

        chats = [f"web:{i}" for i in range(6)]
        turns = (turn(chat, i % 2 == 0) for i, chat in enumerate(chats))
        await asyncio.wait_for(asyncio.gather(*turns), 10)
        assert waited_on_thread == []
        async with sessions() as session:
            for chat in chats:
                assert await _read(session, chat) == [({"done": chat}, AT)]
    finally:
        await engine.dispose()
