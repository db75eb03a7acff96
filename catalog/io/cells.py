"""Spreadsheet cells that must not become formulas: escaped on export, read back unchanged.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run
as a formula by Excel and LibreOffice (CSV injection, OWASP). Export prefixes such text
with an apostrophe, the spreadsheets' own "this is text" mark; import removes it again.
Text that itself starts with an apostrophe before one of those characters (or before
another apostrophe) is prefixed too, so every value survives ``export → import``.
"""

from __future__ import annotations

from typing import Any

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"


def escape_cell(value: Any) -> Any:
    """The export form of one cell value (only text is ever changed)."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_LEADS) or (
        value.startswith(MARK) and value[1:].startswith((*FORMULA_LEADS, MARK))
    ):
        return MARK + value
    return value


def unescape_cell(value: Any) -> Any:
    """The value an exported cell stood for (text without the export's apostrophe)."""
    if isinstance(value, str) and value.startswith(MARK) and value[1:].startswith(
        (*FORMULA_LEADS, MARK)
    ):
        return value[1:]
    return value


def control_problem(value: Any) -> str | None:
    """Why a cell's text cannot be stored (NUL and other control characters, broken
    surrogates: PostgreSQL refuses them, SQLite would keep them), or None if it can."""
    texts = value if isinstance(value, list) else [value]
    for text in texts:
        if not isinstance(text, str):
            continue
        for char in text:
            code = ord(char)
            if (code < 32 and char not in "\t\n\r") or code == 127:
                return f"contains the control character U+{code:04X}; remove it"
            if 0xD800 <= code <= 0xDFFF:
                return "contains a broken character (a lone surrogate); retype it"
    return None
