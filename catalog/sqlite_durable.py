"""Group commit for a SQLite file: a commit returns once it is on disk, and the commits that
finish together share one fsync of the write-ahead log.

SQLite's ``synchronous=FULL`` syncs the log inside every commit, while the commit holds the
file's only writer lock. Every other chat's write then waits for that disk flush plus the
hand-overs to and from the thread that runs it; under load the lock is held most of the
time and throughput is one fsync after another, whatever the CPU could do.

Here the connection commits with ``synchronous=NORMAL`` (the commit appends its frames to
the log without a flush and lets the next writer in) and then, outside the lock, waits for
:meth:`WalSync.durable`: an fsync of the log that *started after* that commit returned.
fsync flushes everything written to the file before it starts, so the commit's frames are
on disk when the caller goes on, as with FULL. One fsync serves every commit that finished
before it began, so N chats committing together pay about one flush, not N in a row: a flush
asked for in one turn of the event loop starts in the next, and covers every commit made
up to the moment it starts.

The flush is ``fsync``. ``fdatasync`` (SQLite's own choice on Linux) skips the file system's
journal when the log's size did not change and so returns sooner, but under load a shorter
flush is shared by fewer commits: in the closed loop of bench/chat_bench.py the server spent
more CPU a message with it (medians of six alternating runs: 2.2 ms against 1.9 ms, 472
against 541 msg/s).

Why the log file alone is enough: SQLite recovers a committed transaction from the log on
the next open. If a checkpoint copied the frames into the database meanwhile, it synced the
log before and the database after (NORMAL still does both), and a log restarted after a
full checkpoint is the same file. The log is never deleted while a connection is open, and
the committing connection is open. Readers of other connections may see a commit before its
flush, as with PostgreSQL's commit: what this process tells anyone comes after its own
commit returned, and a crash in between loses only what was never acknowledged.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)


#: Seconds between checkpoints (the log's frames copied into the database file).
CHECKPOINT_EVERY = 1.0


def _flush(path: str, fsync: Callable[[int], None]) -> None:
    """fsync of the file at ``path`` (nothing to do when there is no log file: a
    connection that closed last checkpointed it into the database and removed it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        fsync(fd)
    finally:
        os.close(fd)


def checkpoint(database: str) -> None:
    """Copies the log's committed frames into the database file, without waiting for or
    blocking anyone (PASSIVE), on a connection of its own."""
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.OperationalError as error:  # busy: the next one copies the frames
        logger.debug("checkpoint skipped: %s", error)
    finally:
        conn.close()


class WalSync:
    """Coalesced fsyncs of one database file's write-ahead log (``<file>-wal``), and its
    checkpoints.

    Args:
        database: the SQLite database file.
        flush: False for ``synchronous=NORMAL``: commits return at once (no flush); the
            checkpoints are still run here.
        fsync: the flush (tests pass a slow or counting one).
    """

    def __init__(
        self, database: Path, *, flush: bool = True, fsync: Callable[[int], None] = os.fsync
    ) -> None:
        self._database = str(database)
        self._flushes = flush
        self._log = f"{database}-wal"
        self._fsync = fsync
        # The engine's connections leave checkpoints to this object: a checkpoint syncs the
        # database file, milliseconds the event loop would sit through in a commit. It runs
        # on the executor's thread after a commit, at most every CHECKPOINT_EVERY seconds.
        self._checkpointed = time.monotonic()
        self._copying: asyncio.Future[None] | None = None
        self._asked = 0  # tickets handed out: one per commit that waits
        self._done = 0  # every ticket up to this one is on disk
        self._flushing: asyncio.Task[None] | None = None

    async def durable(self) -> None:
        """After a commit that wrote: returns once everything committed before this call is
        on disk (at once without ``flush``)."""
        await self.wait(self.ticket())

    def ticket(self) -> int | None:
        """After a commit that wrote, on the event loop's thread: what :meth:`wait` needs to
        know the commit is on disk (None: nothing to wait for, without ``flush``)."""
        self._checkpoint_if_due()
        if not self._flushes:
            return None
        self._asked += 1
        return self._asked

    async def wait(self, ticket: int | None) -> None:
        """Returns once the commit that got ``ticket`` is on disk."""
        if ticket is None:
            return
        while self._done < ticket:
            if self._flushing is None:
                self._flushing = asyncio.get_running_loop().create_task(self._flush())
            await asyncio.shield(self._flushing)

    def durable_now(self) -> None:
        """The same for a caller outside the event loop (a synchronous commit): flushes here
        (the next commit on the loop runs the checkpoint)."""
        if not self._flushes:
            return
        self._asked += 1
        ticket = self._asked
        _flush(self._log, self._fsync)
        self._done = max(self._done, ticket)

    async def _flush(self) -> None:
        """One fsync that covers every ticket handed out before it starts: the task starts
        in the loop's next turn, so the commits made meanwhile share it."""
        covers = self._asked  # the executor is handed the flush below, before any await
        try:
            await asyncio.get_running_loop().run_in_executor(None, _flush, self._log, self._fsync)
            self._done = max(self._done, covers)
        finally:
            self._flushing = None

    def _checkpoint_if_due(self) -> None:
        """Starts a checkpoint on the executor's thread (not waited for) when one is due."""
        now = time.monotonic()
        if self._copying is not None or now - self._checkpointed < CHECKPOINT_EVERY:
            return
        self._checkpointed = now
        self._copying = asyncio.get_running_loop().run_in_executor(
            None, checkpoint, self._database
        )
        self._copying.add_done_callback(self._copied)

    def _copied(self, done: asyncio.Future[None]) -> None:
        self._copying = None
        if not done.cancelled() and done.exception() is not None:
            logger.warning("checkpoint failed: %s", done.exception())
