"""Conversation state: what the bot remembers about one chat, and where it is kept."""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import ConversationKey

IDLE = "idle"


@dataclass
class Memory:
    """The context of the last turns, so follow-ups ("còn giá thì sao?") can be answered."""

    products: list[str] = field(default_factory=list)  # product ids in focus, newest first
    candidates: list[str] = field(default_factory=list)  # ids offered as buttons to choose from
    places: list[str] = field(default_factory=list)  # place ids last shown
    filters: dict[str, Any] = field(default_factory=dict)  # last product-search filters
    tour: dict[str, Any] = field(default_factory=dict)  # last tourism question: district, month
    topic: str | None = None  # last journey: product, search, shops, tourism
    asked: str | None = None  # what the pending choice is for: info, price, compare
    page: int = 0
    location: list[float] | None = None  # [lat, lon] last shared
    pending: dict[str, Any] | None = None  # a low-confidence parse awaiting clarification
    order: dict[str, Any] = field(default_factory=dict)  # the checkout draft (cart, contact)
    contact: dict[str, str] = field(default_factory=dict)  # name, phone, address used last

    def focus_products(self, ids: list[str]) -> None:
        """Puts `ids` in focus, newest first, keeping a short history."""
        self.products = (list(ids) + [p for p in self.products if p not in ids])[:5]


@dataclass
class Conversation:
    """Everything stored per chat; serialised as JSON by every StateStore."""

    lang: str | None = None
    lang_pinned: bool = False
    step: str = IDLE
    memory: Memory = field(default_factory=Memory)
    # Payloads of the buttons last shown, in order: "2" typed on a channel that shows
    # numbered options presses the second one.
    options: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Conversation:
        """Rebuilds a conversation, ignoring unknown keys from older versions."""
        if not data:
            return cls()
        data = copy.deepcopy(data)
        names = {f.name for f in fields(Memory)}
        memory = Memory(**{k: v for k, v in (data.get("memory") or {}).items() if k in names})
        return cls(
            lang=data.get("lang"),
            lang_pinned=bool(data.get("lang_pinned")),
            step=str(data.get("step") or IDLE),
            memory=memory,
            options=[str(o) for o in data.get("options") or []],
        )


class StateStore(Protocol):
    """Keeps one JSON-able dict per conversation (SQL now; Redis for scale-out)."""

    async def get(self, key: ConversationKey) -> dict[str, Any] | None: ...

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None: ...


@runtime_checkable
class SessionStateStore(StateStore, Protocol):
    """A StateStore that can also work inside the turn's database transaction (SQL).

    The engine then loads and saves the state on the turn's session, so the state, the
    handler's changes and the dedup claim commit together, once. Stores outside the
    database (memory, Redis) implement only StateStore; the engine saves to them after
    the turn commits.
    """

    def in_session(self, session: AsyncSession) -> StateStore:
        """The same store on the caller's session: nothing commits until the caller does."""
        ...


class MemoryStateStore:
    """An in-process StateStore for tests and the console; lost on restart."""

    def __init__(self) -> None:
        self._data: dict[ConversationKey, dict[str, Any]] = {}

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        found = self._data.get(key)
        return copy.deepcopy(found) if found is not None else None

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        self._data[key] = copy.deepcopy(state)
