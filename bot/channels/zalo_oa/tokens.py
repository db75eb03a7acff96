"""Where the OA's tokens live between restarts: a store protocol and an in-memory store.

Zalo rotates the refresh token on every refresh and the old one stops working, so the
new pair must be saved before it is used; the SQL store does that in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class OaTokens:
    """An access token, when it expires (None: unknown), and the refresh token."""

    access_token: str
    refresh_token: str
    expires_at: datetime | None = None

    def __repr__(self) -> str:  # tokens must never reach a log through a repr
        return f"OaTokens(expires_at={self.expires_at!r})"


class TokenStore(Protocol):
    """Keeps the latest tokens of one OA app."""

    async def load(self, app_id: str) -> OaTokens | None: ...

    async def save(self, app_id: str, tokens: OaTokens) -> None: ...


class MemoryTokenStore:
    """Tokens in process (tests, or a deployment that re-reads them from the environment)."""

    def __init__(self) -> None:
        self.saved: dict[str, OaTokens] = {}
        self.saves = 0

    async def load(self, app_id: str) -> OaTokens | None:
        return self.saved.get(app_id)

    async def save(self, app_id: str, tokens: OaTokens) -> None:
        self.saved[app_id] = tokens
        self.saves += 1
