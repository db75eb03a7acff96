"""Session tokens: issuing them, hashing them, and an in-memory store for tests."""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass

logger = logging.getLogger(__name__)

CHANNEL = "web"


@dataclass(frozen=True, slots=True)
class IssuedSession:
    """A new session: the secret token goes to the client once; only its hash is kept."""

    token: str
    chat_id: str

    @property
    def user(self) -> str:
        """The public address of the chat, e.g. ``web:3f2a...``."""
        return f"{CHANNEL}:{self.chat_id}"


def issue_session() -> IssuedSession:
    """Makes a fresh random token and chat id (the server, never the client, picks both)."""
    return IssuedSession(token=secrets.token_urlsafe(32), chat_id=secrets.token_hex(16))


def hash_token(token: str) -> str:
    """Hashes a token for storage and lookup.

    A fast hash is enough: tokens carry 256 random bits, so there is nothing to brute-force.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class MemorySessionStore:
    """A SessionStore that lives in a dict (unit tests, throwaway servers)."""

    def __init__(self) -> None:
        self._chats: dict[str, str] = {}

    async def create(self, token_hash: str, chat_id: str) -> None:
        """Stores a newly issued session."""
        self._chats[token_hash] = chat_id

    async def find(self, token_hash: str) -> str | None:
        """Returns the chat id for a token hash, or None."""
        return self._chats.get(token_hash)
