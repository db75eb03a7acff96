"""One writer at a time for a SQLite file, queued in process instead of by SQLite's busy wait.

SQLite lets one connection write at a time; the others retry on a busy handler that sleeps
1, 2, 5, 10 ... 100 ms between attempts. Under load, a connection that lost a few rounds
sleeps long after the lock is free, so a few messages wait hundreds of milliseconds while
the writer lock sits idle. Here every connection of one engine takes an asyncio lock
before its transaction's first write and gives it back when the transaction ends, so
writers queue in order and start the moment the previous one finishes. SQLite's own busy
wait still guards against other processes (an import from the command line). A commit
hands the lock on before it waits for its flush to disk (catalog.sqlite_durable), and a
:class:`~catalog.durable_session.DurableSession` also hands its connection back first.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import MissingGreenlet, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_only

from catalog.durable_session import DEFERRED
from catalog.sqlite_durable import WalSync

HELD = "catalog.sqlite_writer.held"
#: The engine's queue, in each pooled connection's info (for statements sent to the driver
#: directly, catalog.fast_sql: they take the lock through :func:`hold_writer`).
QUEUE = "catalog.sqlite_writer.queue"
#: The connection's transaction wrote: its commit waits until it is on disk (``durable``).
WROTE = "catalog.sqlite_writer.wrote"
READ_ONLY = ("SELECT", "PRAGMA", "EXPLAIN")


class WriterQueue:
    """Serialises one engine's write transactions (install with :meth:`install`).

    Args:
        durable: the file's group commit and checkpoints (catalog.sqlite_durable): a commit
            that wrote gives the lock to the next writer first, then returns once the log
            is flushed (the engine's connections neither flush nor checkpoint by themselves).
        timeout: seconds to wait for the writer lock, like SQLite's busy timeout.
    """

    def __init__(self, durable: WalSync, timeout: float = 30.0) -> None:
        self._timeout = timeout
        self._lock: asyncio.Lock | None = None
        self._durable = durable

    def install(self, engine: AsyncEngine) -> None:
        """Hooks the engine: lock before the first write, release when it ends."""
        sync = engine.sync_engine
        event.listen(sync, "before_cursor_execute", self._before_execute)
        # Released after SQLite's commit or rollback returns, so the next writer never
        # meets the lock still taken (the "commit" event fires before it).
        dialect = sync.dialect
        commit, rollback = dialect.do_commit, dialect.do_rollback

        def do_commit(dbapi_connection: Any) -> None:
            info = _info(dbapi_connection)
            try:
                commit(dbapi_connection)
            finally:
                self._release(info)
            if info is not None and info.pop(WROTE, False):
                deferred = DEFERRED.get()
                if deferred is None:
                    self._wait_durable(self._durable)
                else:  # a DurableSession waits once its connection is back in the pool
                    deferred.append(partial(self._durable.wait, self._durable.ticket()))

        def do_rollback(dbapi_connection: Any) -> None:
            info = _info(dbapi_connection)
            try:
                rollback(dbapi_connection)
            finally:
                self._release(info)
                if info is not None:
                    info.pop(WROTE, None)

        dialect.do_commit = do_commit  # type: ignore[method-assign]
        dialect.do_rollback = do_rollback  # type: ignore[method-assign]
        event.listen(sync.pool, "checkin", self._on_checkin)
        event.listen(sync.pool, "invalidate", self._on_invalidate)
        event.listen(sync.pool, "connect", self._on_connect)

    async def hold(self, info: dict[str, Any], statement: str) -> None:
        """Takes the writer lock for the connection with ``info`` unless it holds it."""
        if info.get(HELD):
            return
        info[WROTE] = True
        if self._lock is None:
            self._lock = asyncio.Lock()
        try:
            if self._lock.locked():
                await asyncio.wait_for(self._lock.acquire(), self._timeout)
            else:
                await self._lock.acquire()
        except TimeoutError as exc:
            raise OperationalError(statement, None, exc) from exc
        info[HELD] = True

    def _before_execute(
        self,
        conn: Connection,
        _cursor: Any,
        statement: str,
        _parameters: Any,
        _context: Any,
        _executemany: bool,
    ) -> None:
        info = conn.connection.info
        if info.get(HELD) or statement.lstrip()[:7].upper().startswith(READ_ONLY):
            return
        info[WROTE] = True
        if self._lock is None:
            self._lock = asyncio.Lock()
        try:
            if self._lock.locked():
                await_only(asyncio.wait_for(self._lock.acquire(), self._timeout))
            else:  # free: no timer and no task to wait with
                await_only(self._lock.acquire())
        except MissingGreenlet:  # a plain synchronous caller: SQLite's busy wait decides
            return
        except TimeoutError as exc:
            raise OperationalError(statement, None, exc) from exc
        info[HELD] = True

    @staticmethod
    def _wait_durable(durable: WalSync) -> None:
        try:
            await_only(durable.durable())
        except MissingGreenlet:  # a plain synchronous caller: flush here
            durable.durable_now()

    def _on_connect(self, _dbapi_connection: Any, record: Any) -> None:
        record.info[QUEUE] = self

    def _on_checkin(self, _dbapi_connection: Any, record: Any) -> None:
        record.info.pop(WROTE, None)
        self._release(record.info)

    def _on_invalidate(self, _dbapi_connection: Any, record: Any, _exc: Any) -> None:
        record.info.pop(WROTE, None)
        self._release(record.info)

    def _release(self, info: dict[str, Any] | None) -> None:
        if info is None or not info.pop(HELD, False):
            return
        if self._lock is not None and self._lock.locked():
            self._lock.release()


async def hold_writer(info: dict[str, Any], statement: str) -> None:
    """Before a write sent to the driver directly: the writer lock, as a statement through
    SQLAlchemy takes it (nothing to take for a connection without a queue: in memory)."""
    queue = info.get(QUEUE)
    if queue is not None:
        await queue.hold(info, statement)


def _info(connection: Any) -> dict[str, Any] | None:
    """The pool record's info of a pooled connection (None for a bare one)."""
    try:
        info = connection.info
    except (AttributeError, NotImplementedError):
        return None
    return info if isinstance(info, dict) else None
