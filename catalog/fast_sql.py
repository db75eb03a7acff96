"""The few statements every conversation turn runs, sent straight to the database driver.

Each message runs the same handful of statements: the opening read (claimed? state? held?),
the de-duplication claim, the chat's state and the web chat's history. Through SQLAlchemy
each costs 40 to 60 µs of CPU (an execution context, parameter processing, a result object)
for a statement SQLite runs in 5 µs. A :class:`FastStatement` is still written with
SQLAlchemy's Core, so the tables and the SQL have one definition, but it is compiled once per
dialect and then run on the session's own driver connection, in the session's transaction:

- SQLite (catalog.sqlite_driver's connection): on the event loop, taking the in-process
  writer lock before a transaction's first write (catalog.sqlite_writer) and waiting on
  aiosqlite's thread only when another process holds SQLite's writer lock, exactly as a
  statement through SQLAlchemy would;
- PostgreSQL (asyncpg): through SQLAlchemy's adapter's own transaction start, statement
  cache and mutex, so the turn stays one transaction;
- any other driver: through ``session.execute`` as before.

Parameters and results go through the column types' own bind and result processors (JSON,
dates), so the stored values are the same as SQLAlchemy's. Driver errors are raised as
SQLAlchemy's exceptions (an ``IntegrityError`` for a duplicate key), as callers expect.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ClauseElement

from catalog.sqlite_driver import LoopConnection, first_write, run_here
from catalog.sqlite_writer import hold_writer

_READS = ("SELECT", "select", "WITH", "with")
_STATUS = re.compile(r"(?:SELECT|UPDATE|DELETE|INSERT \d+) (\d+)")
#: The turn's driver handle, kept in ``Session.info`` for the transaction it belongs to.
_HANDLE = "catalog.fast_sql.handle"

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class _Form:
    """A statement compiled for one dialect: SQL text, parameter order and processors."""

    sql: str
    names: tuple[str, ...]
    binds: tuple[Processor, ...]
    results: tuple[Processor, ...]
    read: bool

    def parameters(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(
            value if process is None else process(value)
            for value, process in zip((params[n] for n in self.names), self.binds, strict=True)
        )

    def row(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            value if process is None else process(value)
            for value, process in zip(raw, self.results, strict=True)
        )


def _compile(statement: ClauseElement, dialect: Dialect) -> _Form | None:
    """The statement's form for ``dialect``, or None if it cannot be run positionally."""
    compiled = statement.compile(dialect=dialect)
    if not compiled.positional or compiled.positiontup is None:
        return None
    if any(b.expanding or b.literal_execute for b in compiled.binds.values()):
        return None
    names = tuple(compiled.positiontup)
    binds = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    columns = getattr(statement, "selected_columns", None)
    results: tuple[Processor, ...] = ()
    if columns is not None:
        results = tuple(
            c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns
        )
    return _Form(
        compiled.string, names, binds, results, compiled.string.lstrip().startswith(_READS)
    )


class _Sqlite:
    """Runs forms on the turn's SQLite connection (catalog.sqlite_driver.LoopConnection)."""

    __slots__ = ("_adapted", "_info")

    def __init__(self, adapted: LoopConnection, info: dict[str, Any]) -> None:
        self._adapted = adapted
        self._info = info

    async def run(self, form: _Form, params: Any, many: bool) -> tuple[list[Any], int]:
        connection = self._adapted._connection
        conn = connection._conn
        if not form.read:
            await hold_writer(self._info, form.sql)
        try:
            if conn.in_transaction or form.read:
                _description, rows, rowcount, _ = run_here(conn, form.sql, params, many)
            else:
                _description, rows, rowcount, _ = await first_write(
                    connection, form.sql, params, many
                )
        except sqlite3.Error as error:
            raise DBAPIError.instance(form.sql, params, error, sqlite3.Error) from error
        return rows, rowcount


class _Asyncpg:
    """Runs forms on the turn's asyncpg connection through SQLAlchemy's adapter, which owns
    the transaction (started here if this is its first statement) and the statement cache."""

    __slots__ = ("_adapted",)

    def __init__(self, adapted: Any) -> None:
        self._adapted = adapted

    async def run(self, form: _Form, params: Any, many: bool) -> tuple[list[Any], int]:
        adapted = self._adapted
        try:
            async with adapted._execute_mutex:
                if not adapted._started:
                    await adapted._start_transaction()
                if many:
                    await adapted._check_type_cache_invalidation(
                        adapted._invalidate_schema_cache_asof
                    )
                    await adapted._connection.executemany(form.sql, params)
                    return [], -1
                prepared, _attributes = await adapted._prepare(
                    form.sql, adapted._invalidate_schema_cache_asof
                )
                rows = await prepared.fetch(*params)
                found = _STATUS.match(prepared.get_statusmsg() or "")
                return rows, int(found.group(1)) if found else -1
        except Exception as error:
            try:
                adapted._handle_exception(error)  # raises the DBAPI-level error
            except adapted.dbapi.Error as translated:
                raise DBAPIError.instance(
                    form.sql, params, translated, adapted.dbapi.Error
                ) from error
            raise


Driver = _Sqlite | _Asyncpg


async def _driver(session: AsyncSession) -> Driver | None:
    """The session's driver handle for this transaction (None: use session.execute)."""
    transaction = session.sync_session.get_transaction()
    kept = session.info.get(_HANDLE)
    if kept is not None and transaction is not None and kept[0] is transaction:
        return kept[1]  # type: ignore[no-any-return]
    connection = await session.connection()
    fairy = await connection.get_raw_connection()
    adapted = fairy.dbapi_connection
    driver: Driver | None = None
    if isinstance(adapted, LoopConnection):
        driver = _Sqlite(adapted, fairy.info)
    elif type(adapted).__name__ == "AsyncAdapt_asyncpg_connection":  # not imported: lazy
        driver = _Asyncpg(adapted)
    session.info[_HANDLE] = (session.sync_session.get_transaction(), driver)
    return driver


class FastStatement:
    """A Core statement run on the session's driver connection (see the module's text).

    Build it once, at import, from a statement whose parameters are all ``bindparam``s.
    """

    __slots__ = ("_forms", "_statement")

    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._forms: dict[str, _Form | None] = {}

    def _form(self, dialect: Dialect) -> _Form | None:
        key = dialect.name
        if key not in self._forms:
            self._forms[key] = _compile(self._statement, dialect)
        return self._forms[key]

    async def rows(
        self, session: AsyncSession, params: Mapping[str, Any]
    ) -> list[tuple[Any, ...]]:
        """The statement's result rows, each value through its column's result processor."""
        driver = await _driver(session)
        form = self._form(session.bind.dialect) if driver is not None else None
        if driver is None or form is None:
            return [tuple(row) for row in await session.execute(self._statement, params)]
        found, _count = await driver.run(form, form.parameters(params), False)
        return [form.row(row) for row in found]

    async def run(self, session: AsyncSession, params: Mapping[str, Any]) -> int:
        """Runs a write; returns the rows it changed (-1 when the driver cannot tell)."""
        driver = await _driver(session)
        form = self._form(session.bind.dialect) if driver is not None else None
        if driver is None or form is None:
            result = await session.execute(self._statement, params)
            return int(getattr(result, "rowcount", -1))
        _found, count = await driver.run(form, form.parameters(params), False)
        return count

    async def run_many(self, session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> None:
        """Runs the statement once per parameter set (a multi-row insert)."""
        if not rows:
            return
        driver = await _driver(session)
        form = self._form(session.bind.dialect) if driver is not None else None
        if driver is None or form is None:
            await session.execute(self._statement, list(rows))
            return
        await driver.run(form, [form.parameters(p) for p in rows], True)
