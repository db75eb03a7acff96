"""Conversation state: what the bot remembers about one chat, and where it is kept."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import ConversationKey
from bot.core.opening import Leg

IDLE = "idle"


def plain_copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, scalars), several times faster than
    copy.deepcopy; the state is copied once on every turn (to_dict). Tuples become lists."""
    if isinstance(value, dict):
        return {k: plain_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_copy(v) for v in value]
    return value


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
        """A JSON-shaped deep copy (what dataclasses.asdict gave, without its overhead)."""
        memory = self.memory
        return {
            "lang": self.lang,
            "lang_pinned": self.lang_pinned,
            "step": self.step,
            "memory": {f: plain_copy(getattr(memory, f)) for f in _MEMORY_FIELDS},
            "options": list(self.options),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Conversation:
        """Rebuilds a conversation, ignoring unknown keys from older versions.

        The conversation takes over ``data``'s lists and dicts: every store hands out a fresh
        copy (decoded JSON, or MemoryStateStore's own copy), so none is copied again here.
        """
        if not data:
            return cls()
        saved = data.get("memory") or {}
        memory = Memory(**{k: v for k, v in saved.items() if k in _MEMORY_NAMES})
        return cls(
            lang=data.get("lang"),
            lang_pinned=bool(data.get("lang_pinned")),
            step=str(data.get("step") or IDLE),
            memory=memory,
            options=[str(o) for o in data.get("options") or []],
        )


_MEMORY_FIELDS = tuple(f.name for f in fields(Memory))
_MEMORY_NAMES = frozenset(_MEMORY_FIELDS)


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

    def opening_leg(self, key: ConversationKey) -> Leg:
        """The chat's state, read with the turn's other opening questions (a row when the
        chat has a state, its value the state)."""
        ...


class MemoryStateStore:
    """An in-process StateStore for tests and the console; lost on restart."""

    def __init__(self) -> None:
        self._data: dict[ConversationKey, dict[str, Any]] = {}

    async def get(self, key: ConversationKey) -> dict[str, Any] | None:
        found = self._data.get(key)
        return plain_copy(found) if found is not None else None

    async def set(self, key: ConversationKey, state: dict[str, Any]) -> None:
        self._data[key] = plain_copy(state)
