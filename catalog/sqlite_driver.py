"""SQLAlchemy's aiosqlite adapter with one thread round trip per statement instead of four.

The stock adapter awaits ``cursor()``, ``execute()``, ``fetchall()`` and ``close()`` one by
one; each is a hop to aiosqlite's worker thread and back through the event loop. Under
load every hop also waits for the loop's turn, and a write transaction holds SQLite's
single writer lock through all of them. Here the whole statement runs in one call on the
worker thread (aiosqlite's own ``_execute`` queue, as SQLAlchemy's adapter already uses
for the isolation level; ``aiosqlite`` is pinned in requirements.txt).
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

Outcome = tuple[Any, list[Any], int, int | None]


def _run(conn: sqlite3.Connection, operation: str, parameters: Any) -> Outcome:
    """Runs one statement on the worker thread: (description, rows, rowcount, lastrowid)."""
    cursor = conn.cursor()
    try:
        if parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        if cursor.description:
            return cursor.description, cursor.fetchall(), -1, -1
        return None, [], cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """Executes and fetches a statement in a single trip to the connection's thread."""

    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        connection: aiosqlite.Connection = self._connection
        try:
            description, rows, rowcount, lastrowid = self.await_(
                connection._execute(_run, connection._conn, operation, parameters)
            )
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self.description = description
        self._rows = deque(rows)
        self.rowcount = rowcount
        self.lastrowid = lastrowid


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    """Hands out OneHopCursor (server-side cursors keep the stock class)."""

    __slots__ = ()

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        if server_side:
            return super().cursor(server_side=True)
        return OneHopCursor(self)


class OneHopDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module to pass as ``create_async_engine(..., module=OneHopDbapi())``."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        kw.pop("async_fallback", None)
        connection = aiosqlite.connect(*arg, **kw)
        if isinstance(connection, Thread):  # aiosqlite before 0.22 was the thread
            connection.daemon = True
        else:
            connection._thread.daemon = True
        return OneHopConnection(self, await_only(connection))
