"""SQLAlchemy's aiosqlite adapter that runs SQLite on the event loop, except where it may wait.

The stock adapter sends every ``cursor()``, ``execute()``, ``fetchall()``, ``close()``,
``commit()`` and ``rollback()`` to aiosqlite's worker thread and back through the event
loop. Each hop costs far more CPU than the statement (an indexed read is about 15 µs; the
hop, a thread wake-up, two hand-overs of the GIL and a wake-up of the loop, about 100 µs),
and under load every hop also waits for the loop's turn while SQLite's writer lock is held.

A statement only needs the worker thread when it may *wait*: SQLite waits (its busy
timeout) when a write transaction wants the file's writer lock and another process holds it.
In WAL mode nothing else waits: readers never block, and once a transaction has its first
write it holds the lock until commit or rollback. So here:

- reads, and statements of a transaction that already wrote, run at once on the loop (one
  row or several: ``executemany`` too, which the stock adapter sends over in three hops);
- the first write of a transaction (the one that takes the lock) is tried at once with no
  busy wait; only if another process holds the lock is it sent to the worker thread, which
  waits with the usual busy timeout while the loop serves other chats;
- commits and rollbacks run on the loop too: a file's connections commit without a flush
  or a checkpoint (catalog.engine), so a commit only appends to the log (about 50 µs); the
  flush that makes it durable, shared by the commits that finish together, and the
  checkpoints run on a thread (catalog.sqlite_durable).

In-process writers already queue on catalog.sqlite_writer's asyncio lock, so the thread is
used only when another process (a command-line import, a second tool) writes at that moment.
``aiosqlite`` is pinned in requirements.txt (this reaches into its connection's ``_conn``).
"""

from __future__ import annotations

import sqlite3
from collections import deque
from threading import Thread
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import await_only

#: How long a write waits for another process's writer lock (SQLite's busy timeout).
BUSY_TIMEOUT_MS = 30_000
_READS = ("SELECT", "select")

Outcome = tuple[Any, list[Any], int, int | None]


def run_here(
    conn: sqlite3.Connection, operation: str, parameters: Any, many: bool = False
) -> Outcome:
    """Runs one statement on the calling thread (``many``: once per parameter set, as
    ``executemany``): (description, rows, rowcount, lastrowid)."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        if cursor.description:
            return cursor.description, cursor.fetchall(), -1, -1
        return None, [], cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


async def _here(
    conn: sqlite3.Connection, operation: str, parameters: Any, many: bool = False
) -> Outcome:
    """Runs the statement on the loop (a coroutine: SQLAlchemy's bridge expects an await)."""
    return run_here(conn, operation, parameters, many)


async def first_write(
    connection: aiosqlite.Connection, operation: str, parameters: Any, many: bool = False
) -> Outcome:
    """Tries the lock-taking statement at once; waits for the lock on the worker thread."""
    conn = connection._conn
    conn.execute("PRAGMA busy_timeout=0")
    try:
        return run_here(conn, operation, parameters, many)
    except sqlite3.OperationalError as error:
        if not _is_busy(error):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Another process writes: nothing was done, so the statement is simply run again where
    # waiting blocks no one.
    return await connection._execute(run_here, conn, operation, parameters, many)  # type: ignore[no-any-return]


async def _call(function: Any) -> Any:
    return function()


class LoopCursor(AsyncAdapt_aiosqlite_cursor):
    """Executes and fetches a statement in one call, on the loop unless it may wait."""

    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._go(operation, parameters, False)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        """A multi-row insert (history entries, order lines): one call, like execute."""
        self._go(operation, seq_of_parameters, True)

    def _go(self, operation: Any, parameters: Any, many: bool) -> None:
        connection: aiosqlite.Connection = self._connection
        conn = connection._conn
        try:
            if conn.in_transaction or operation.lstrip().startswith(_READS):
                outcome = self.await_(_here(conn, operation, parameters, many))
            else:
                outcome = self.await_(first_write(connection, operation, parameters, many))
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self.description, rows, self.rowcount, self.lastrowid = outcome
        self._rows = deque(rows)


class LoopConnection(AsyncAdapt_aiosqlite_connection):
    """Hands out LoopCursor (server-side cursors keep the stock class); commits on the loop."""

    __slots__ = ()

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        if server_side:
            return super().cursor(server_side=True)
        return LoopCursor(self)

    def commit(self) -> None:
        try:
            self.await_(_call(self._connection._conn.commit))
        except Exception as error:
            self._handle_exception(error)

    def rollback(self) -> None:
        conn = self._connection._conn
        if not conn.in_transaction:
            return  # nothing to undo (the pool "resets" every connection it gets back)
        try:
            self.await_(_call(conn.rollback))
        except Exception as error:
            self._handle_exception(error)


class LoopDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module to pass as ``create_async_engine(..., module=LoopDbapi())``."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        kw.pop("async_fallback", None)
        connection = aiosqlite.connect(*arg, **kw)
        if isinstance(connection, Thread):  # aiosqlite before 0.22 was the thread
            connection.daemon = True
        else:
            connection._thread.daemon = True
        return LoopConnection(self, await_only(connection))
