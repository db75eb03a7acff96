"""The OA webhook's signature: X-ZEvent-Signature = "mac=" + sha256(app_id + body +
timestamp + OA secret key), hex; and the event's age, to refuse stale requests."""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from datetime import timedelta

SIGNATURE_HEADER = "X-ZEvent-Signature"


def signature(app_id: str, body: bytes, timestamp: str, secret_key: str) -> str:
    """The header value Zalo sends with `body` (the raw request bytes)."""
    digest = hashlib.sha256(app_id.encode() + body + timestamp.encode() + secret_key.encode())
    return "mac=" + digest.hexdigest()


def signature_matches(
    given: str, app_id: str, body: bytes, timestamp: str, secret_key: str
) -> bool:
    """Compares in constant time, so the expected value cannot be guessed byte by byte."""
    expected = signature(app_id, body, timestamp, secret_key)
    # Bytes, so a header with non-ASCII (or 0xff) bytes is a plain mismatch, not an error.
    return hmac.compare_digest(given.strip().encode("utf-8", "surrogateescape"), expected.encode())


_TIMESTAMP = re.compile(rb'"timestamp"\s*:\s*(?:"([0-9]{1,16})"|([0-9]{1,16})\s*[,}])')


def signed_timestamp(body: bytes) -> str | None:
    """The event's timestamp, read from the raw body without parsing it (the signature
    is checked first); None if there is not exactly one decimal timestamp."""
    found = _TIMESTAMP.findall(body)
    if len(found) != 1:
        return None
    quoted, bare = found[0]
    return (quoted or bare).decode()


def event_age(timestamp: str, now: float) -> timedelta | None:
    """How old an event is (Zalo stamps milliseconds); None for a timestamp that is no number.

    Args:
        timestamp: the event's `timestamp` field, e.g. "1732245600123".
        now: the current Unix time in seconds.
    """
    try:
        value = float(timestamp)
    except ValueError:
        return None
    if not math.isfinite(value) or not 0 <= value < 1e15:
        return None
    seconds = value / 1000 if value > 1e11 else value
    return timedelta(seconds=now - seconds)
