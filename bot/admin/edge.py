"""The console's edge: what a form or a query may carry before any view reads it.

Every /admin request passes here first (from the guard), signed in or not: a form body that
is not UTF-8, or a form field or query value with NUL or another control character (tab and
newlines aside), gets 400 and one short log line. Such text would otherwise end in a 500
(aiohttp's form decoder) or a PostgreSQL error, and differ between SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiohttp import web

from catalog.io.cells import control_problem

logger = logging.getLogger(__name__)
FORM = "application/x-www-form-urlencoded"


def _unsafe(values: Iterable[object]) -> bool:
    return any(isinstance(v, str) and control_problem(v) is not None for v in values)


async def unsafe_input(request: web.Request) -> str | None:
    """Why this request's query or form cannot be read (short, safe to log), or None.

    The request must already carry its body limit (``clone(client_max_size=...)``); the
    form is read here once and stays cached for the views.
    """
    if _unsafe(request.query.values()):
        return "a control character in the query"
    if request.method != "POST" or request.content_type != FORM:
        return None
    raw = await request.read()
    try:
        raw.decode(request.charset or "utf-8")
    except (UnicodeDecodeError, LookupError):
        return "a form that is not UTF-8"
    try:
        form = await request.post()
    except ValueError:
        return "a form that cannot be read"
    if _unsafe(form.values()):
        return "a control character in a form field"
    return None
