"""The OA webhook's signature: X-ZEvent-Signature = "mac=" + sha256(app_id + body +
timestamp + OA secret key), hex; and the event's age, to refuse stale requests."""

from __future__ import annotations

import hashlib
import hmac
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
    return hmac.compare_digest(given.strip().encode(), expected.encode())


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
    seconds = value / 1000 if value > 1e11 else value
    return timedelta(seconds=now - seconds)
