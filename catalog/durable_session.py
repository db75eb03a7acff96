"""The session every caller gets: its commit hands the connection back before it waits for
the disk.

A SQLite file's commits wait for the group commit's flush of the log (catalog.sqlite_durable,
about 2-3 ms), and they used to wait inside SQLAlchemy's commit, while the session still held
its pooled connection. Any chat whose turn started meanwhile then took another connection,
and SQLite empties a connection's page cache whenever another connection wrote since its last
transaction: under load every turn read its pages from the file again (about 30 page reads a
message). Here the commit returns the connection to the pool first and waits for the flush
after, so turns that follow each other reuse the same connection (the pool hands out the one
returned last, catalog.engine) with its cache intact.

What callers are promised does not change: ``await session.commit()`` returns once the
transaction is on disk. Commits that do not go through :meth:`DurableSession.commit` (a
``sessionmaker.begin()`` block, a Core connection) still wait inside the commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

#: While a :class:`DurableSession` commits: where the commit puts what it still has to wait
#: for (catalog.sqlite_writer); None elsewhere, where a commit waits in place.
DEFERRED: ContextVar[list[Callable[[], Awaitable[None]]] | None] = ContextVar(
    "catalog.durable_session.deferred", default=None
)


class DurableSession(AsyncSession):
    """An AsyncSession whose commit waits for the disk after releasing its connection."""

    async def commit(self) -> None:
        """Commits; returns once the transaction is on disk."""
        waits: list[Callable[[], Awaitable[None]]] = []
        token = DEFERRED.set(waits)
        try:
            await super().commit()  # the connection is back in the pool when this returns
        finally:
            DEFERRED.reset(token)
        for wait in waits:
            await wait()


@asynccontextmanager
async def transaction(
    factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One transaction on a new session: committed (and on disk) when the block ends, rolled
    back when it raises, like ``factory.begin()``.

    ``factory.begin()`` commits and closes in a task of its own (so a cancelled caller cannot
    abandon the cleanup), which lets other chats' turns start before this commit and take
    other connections. Here the commit runs in the caller's task; only the cleanup after an
    error or a cancellation is shielded.
    """
    session = factory()
    try:
        yield session
        await session.commit()
    except BaseException:
        await asyncio.shield(session.close())
        raise
    await session.close()
