"""Errors from the Zalo APIs, sorted by what the sender should do about them."""

from __future__ import annotations


class ZaloApiError(Exception):
    """The platform refused a call for good (bad request, blocked user, unknown chat)."""

    def __init__(self, code: int | None, description: str) -> None:
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description


class QuotaExceeded(ZaloApiError):
    """Too many calls (HTTP 429 or the platform's quota code): wait and try again."""

    def __init__(self, code: int | None, description: str, retry_after: float | None = None):
        super().__init__(code, description)
        self.retry_after = retry_after


class TransientError(ZaloApiError):
    """A network fault, a 5xx or an unreadable answer: worth a few retries."""
