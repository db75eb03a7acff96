"""The neutral message types: one kind of message in, one kind of reply out.

Channels convert their transport's updates into `IncomingMessage` at the edge and render
`Reply` with their own widgets. Nothing past a channel adapter sees a transport type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.core.images import Image


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class ConversationKey:
    """Identifies one conversation: a chat on a channel (aiogram's StorageKey idea)."""

    channel: str
    chat_id: str
    namespace: str = "chat"

    def __str__(self) -> str:
        return f"{self.channel}:{self.chat_id}"

    @classmethod
    def parse(cls, address: str) -> ConversationKey:
        """Turns "telegram:123" back into a key."""
        channel, _, chat_id = address.partition(":")
        if not channel or not chat_id:
            raise ValueError(f"not a chat address: {address!r}")
        return cls(channel, chat_id)


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """What a person sent: exactly one of text, payload (a pressed button) or location."""

    channel: str
    chat_id: str
    user_id: str
    message_id: str
    text: str | None = None
    payload: str | None = None
    location: GeoPoint | None = None
    # A channel may fill the user's language hint (Telegram's language_code).
    language_hint: str | None = None
    # A phone number shared through the transport's own contact widget.
    contact_phone: str | None = None

    @property
    def key(self) -> ConversationKey:
        return ConversationKey(self.channel, self.chat_id)


@dataclass(frozen=True, slots=True)
class Button:
    """A button: it sends `payload` back, or, when `url` is set, opens that web page."""

    title: str
    payload: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class LocationCard:
    lat: float
    lon: float
    title: str
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """One message the bot shows. Buttons degrade to numbered options where unsupported."""

    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    location: LocationCard | None = None
    image: Image | None = None  # shown with (or before) the text
    # Asks channels that can do so to offer a "share my location" control.
    request_location: bool = False
    # Channels that can edit a previous message in place (paging) may do so.
    replace_previous: bool = False


class Channel(Protocol):
    """A transport that can deliver replies to a chat it serves (used by the outbox)."""

    name: str

    async def send(self, chat_id: str, replies: list[Reply]) -> None: ...
