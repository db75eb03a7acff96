"""Numbers from people and payloads, range-checked before they reach SQL or arithmetic.

A button payload, a typed page or a price can be anything a client sends: ``1e400``,
thirty digits, Arabic-Indic digits (``str.isdigit`` accepts them). PostgreSQL refuses
integers past its column types and Python refuses ``int(inf)``; both crashed handlers.
"""

from __future__ import annotations

import math
from typing import Any

SQL_INT_MAX = 2**31 - 1  # INTEGER columns on SQLite and PostgreSQL
MAX_PAGE = 10_000


def bounded_int(value: Any, limit: int = SQL_INT_MAX) -> int | None:
    """An int in ``[-limit, limit]`` from an int, a finite float or ASCII digits; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        digits = text.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(limit)):
            return None
        value = int(text)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value)
    elif not isinstance(value, int):
        return None
    return value if -limit <= value <= limit else None


def clamped_int(value: Any, limit: int = SQL_INT_MAX) -> int | None:
    """Like bounded_int, but a number past the range is clamped to it (a price "under
    10^20 dong" means no upper bound); None for what is no number at all."""
    if isinstance(value, int | float) and not isinstance(value, bool) and not math.isnan(value):
        if value > limit:
            return limit
        if value < -limit:
            return -limit
    return bounded_int(value, limit)


def page_number(arg: str | None) -> int:
    """The page a pager button asks for (0 for anything that is not a sane page)."""
    page = bounded_int(arg, MAX_PAGE) if arg else None
    return page if page is not None and page >= 0 else 0
