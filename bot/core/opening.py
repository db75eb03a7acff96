"""The turn's opening read: de-duplication, state and hold in one statement.

Every turn on SQL stores starts with the same questions: was this message already answered
(and with what), what is this chat's state, does a person of the OCOP centre hold it? Asked
one by one they are three round trips, each paying SQLAlchemy's per-statement cost; asked as
one ``UNION ALL`` of single-row selects they are one. Each store contributes its own
:class:`Leg`, so the engine does not know their tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.fast_sql import FastStatement

#: The leg names the engine reads.
DEDUP, STATE, HELD = "dedup", "state", "held"


@dataclass(frozen=True)
class Leg:
    """One question of the opening read.

    Args:
        name: DEDUP, STATE or HELD.
        select: at most one row of two columns, the leg's name (a literal) and its value;
            legs whose value is JSON come first (the union takes the first leg's type).
        params: its bound parameters; names must differ from the other legs'.
    """

    name: str
    select: Select[Any]
    params: Mapping[str, Any]


class OpeningRead:
    """Runs the legs of a turn as one statement (the union of each set of legs built and
    compiled once, then sent to the driver directly: catalog.fast_sql)."""

    def __init__(self) -> None:
        self._unions: dict[tuple[str, ...], FastStatement] = {}

    async def read(self, session: AsyncSession, legs: Sequence[Leg]) -> dict[str, Any]:
        """Returns ``{leg name: value}`` for the legs that found a row (a value may be None).

        Args:
            session: the turn's session (the read is part of its transaction).
            legs: the questions to ask; an empty sequence asks nothing.
        """
        if not legs:
            return {}
        names = tuple(leg.name for leg in legs)
        statement = self._unions.get(names)
        if statement is None:
            selects = [leg.select for leg in legs]
            statement = FastStatement(selects[0] if len(selects) == 1 else union_all(*selects))
            self._unions[names] = statement
        params: dict[str, Any] = {}
        for leg in legs:
            params.update(leg.params)
        return {str(name): value for name, value in await statement.rows(session, params)}
