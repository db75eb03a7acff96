"""What a web visitor saw, kept so the page can show the conversation again after a reload."""

from __future__ import annotations

from collections import deque
from typing import Any, Protocol

from bot.channels.web.codec import ChatInput, render_reply
from bot.core.messages import Reply

Entry = dict[str, Any]
#: The most entries kept and returned per chat.
KEEP = 200


class Transcript(Protocol):
    """Appends and returns the visible messages of a chat, oldest first."""

    async def append(self, chat_id: str, entries: list[Entry]) -> None: ...

    async def read(self, chat_id: str) -> list[Entry]: ...


def user_entry(chat_input: ChatInput) -> Entry | None:
    """The visitor's message as the page showed it; None for hidden ones ("/lang en")."""
    if chat_input.text is not None:
        if chat_input.text.lstrip().startswith("/"):
            return None
        return {"role": "user", "text": chat_input.text}
    if chat_input.payload is not None:
        return {"role": "user", "text": chat_input.echo} if chat_input.echo else None
    return {"role": "user", "location": True}


def bot_entries(replies: list[Reply]) -> list[Entry]:
    return [{"role": "bot", **render_reply(reply)} for reply in replies]


class MemoryTranscript:
    """A Transcript in this process's memory (tests, throwaway servers)."""

    def __init__(self, keep: int = KEEP) -> None:
        self._keep = keep
        self._chats: dict[str, deque[Entry]] = {}

    async def append(self, chat_id: str, entries: list[Entry]) -> None:
        self._chats.setdefault(chat_id, deque(maxlen=self._keep)).extend(entries)

    async def read(self, chat_id: str) -> list[Entry]:
        return list(self._chats.get(chat_id, ()))
