"""Checks a pooled connection before use only when it sat idle long enough to have died.

``pool_pre_ping=True`` checks every checkout; on asyncpg that is three round trips (BEGIN,
an empty query, ROLLBACK), and a busy bot checks out a connection at least twice per
message. A connection that was handed back a moment ago is as alive as a ping would
show; the one that sat in the pool through a database restart or a firewall's idle cut is
the one worth a ping. A disconnect found in use still invalidates the whole pool
(SQLAlchemy's own handling), so one failed statement renews every idle connection.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import InvalidatePoolError
from sqlalchemy.ext.asyncio import AsyncEngine

_RETURNED = "ocopbot_returned_at"


def ping_when_idle(engine: AsyncEngine, *, after: float = 2.0) -> None:
    """Pings a connection at checkout when it has been idle in the pool over ``after`` s.

    A connection that fails the ping is taken for a sign of a database restart, as
    ``pool_pre_ping`` takes it: every pooled connection is renewed and a fresh one is
    handed out (the pool's reaction to ``InvalidatePoolError`` from a checkout listener).

    Args:
        engine: an engine on a server database (PostgreSQL); SQLite needs no ping.
        after: seconds of idleness after which a connection is pinged before use.
    """

    def returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED] = time.monotonic()

    def checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_RETURNED)
        if since is None or time.monotonic() - since <= after:
            return  # new (just connected) or handed back a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise InvalidatePoolError("a pooled connection died while idle") from exc

    event.listen(engine.sync_engine, "checkin", returned)
    event.listen(engine.sync_engine, "checkout", checked_out)
