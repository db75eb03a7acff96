"""Text every channel hands to the engine: control characters and broken surrogates removed.

PostgreSQL refuses NUL in text columns and SQLite would store it, so an order typed with one
failed forever on one database and not the other; the same text is stored on both now.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Removes control characters (keeps tab and newlines) and replaces lone surrogates."""
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text
