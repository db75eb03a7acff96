"""Decoding JSON from anonymous senders: bounded depth and numbers, clean text.

Every webhook and the web chat API decode their bodies here, so a body nested a thousand
deep, ``NaN``, a 5000-digit number, a lone surrogate (``"\\ud800"``) or a NUL never gets
past the edge: the first four are refused (the caller answers 400), and text is cleaned
(control characters other than tab and newlines removed, lone surrogates replaced), so
the same message is stored the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

from bot.core.cleaning import clean_text

MAX_DEPTH = 32
MAX_INT = 2**63  # ids on every platform fit a signed 64-bit integer


class UnsafeJson(ValueError):
    """A body that is not JSON we accept; ``reason`` is short and safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _int(text: str) -> int:
    if len(text) > 20 or abs(value := int(text)) > MAX_INT:
        raise UnsafeJson("a number out of range")
    return value


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise UnsafeJson("a non-finite number")
    return value


def _constant(name: str) -> Any:
    raise UnsafeJson(f"a non-finite number ({name})")


def _clean(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise UnsafeJson(f"nested deeper than {MAX_DEPTH}")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {clean_text(k): _clean(v, depth + 1) for k, v in value.items()}
    return value


def loads(raw: bytes | str) -> Any:
    """Decodes a JSON body; raises UnsafeJson for anything we do not take.

    Raises:
        UnsafeJson: not UTF-8, not JSON, too deep, a non-finite or huge number.
    """
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise UnsafeJson("not UTF-8") from None
    if _too_deep(text):
        raise UnsafeJson(f"nested deeper than {MAX_DEPTH}")
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except UnsafeJson:
        raise
    except (ValueError, RecursionError):
        raise UnsafeJson("not valid JSON") from None
    return _clean(value, 0)


def _too_deep(text: str) -> bool:
    """A cheap pre-check on brackets (strings may hold brackets too: this only over-counts,
    and the exact check runs after decoding)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH * 4:
        return False
    depth = 0
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH * 4:
                return True
        elif char in "]}":
            depth -= 1
    return False
