"""The engine's guarantees, on fakes: routing, dedup, errors, low confidence, locking."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.i18n import I18n
from bot.core.messages import Button, GeoPoint, IncomingMessage, Reply
from bot.core.router import LOW_CONFIDENCE, Router
from bot.core.state import MemoryStateStore
from bot.core.turn import Outcome, Turn
from tests.core.fakes import FakeNlu, build_engine, memory_sessions

SCRIPT = {
    "xin chào bạn": ("greet", 0.95, "vi", []),
    "hello there": ("greet", 0.95, "en", []),
    "crash please": ("help", 0.95, "en", []),
    "mumble mumble": ("product_info", 0.2, "en", []),
}
I18N = I18n({"vi": {"error.apology": "Xin lỗi"}, "en": {"error.apology": "Sorry"}})


async def echo(turn: Turn) -> Outcome:
    """Echoes what the router saw."""
    where = "location" if turn.msg.location else "other"
    what = turn.intent or (turn.payload.route if turn.payload else where)
    turn.memory.topic = what
    return Outcome([Reply(f"{what}/{turn.lang}/{turn.conv.step}")], step="echo:done")


async def crash(turn: Turn) -> Outcome:
    """Corrupts the state, then fails."""
    turn.memory.topic = "corrupted"
    raise ValueError("handler bug")


def router() -> Router:
    r = Router()
    r.on_intent("greet", echo)
    r.on_intent("help", crash)
    r.on_intent(LOW_CONFIDENCE, echo)
    r.on_payload("p:info", echo)
    r.on_command("/lang", echo)
    r.on_location(echo)
    r.set_fallback(echo)
    return r


@pytest.fixture
async def sessions() -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with memory_sessions() as factory:
        yield factory


def msg(text: str | None = None, mid: str = "1", **kw: object) -> IncomingMessage:
    return IncomingMessage("test", "c1", "u1", mid, text=text, **kw)  # type: ignore[arg-type]


async def test_routes_by_intent_and_keeps_state(sessions: async_sessionmaker[AsyncSession]):
    store = MemoryStateStore()
    engine = build_engine(sessions, router(), FakeNlu(SCRIPT), store, I18N)
    assert [r.text for r in await engine.handle(msg("xin chào bạn"))] == ["greet/vi/idle"]
    assert [r.text for r in await engine.handle(msg("hello there", "2"))] == ["greet/en/echo:done"]
    saved = await store.get(msg("x").key)
    assert saved and saved["lang"] == "en" and saved["memory"]["topic"] == "greet"


async def test_duplicate_message_changes_nothing(sessions: async_sessionmaker[AsyncSession]):
    nlu = FakeNlu(SCRIPT)
    store = MemoryStateStore()
    engine = build_engine(sessions, router(), nlu, store, I18N)
    assert await engine.handle(msg("xin chào bạn", "7"))
    before = await store.get(msg("x").key)
    assert await engine.handle(msg("hello there", "7")) == []
    assert await store.get(msg("x").key) == before
    assert nlu.calls == ["xin chào bạn"]
    other_chat = IncomingMessage("test", "c2", "u2", "7", text="hello there")
    assert await engine.handle(other_chat)  # message ids are per chat


async def test_handler_error_apologises_and_keeps_state(
    sessions: async_sessionmaker[AsyncSession],
):
    store = MemoryStateStore()
    engine = build_engine(sessions, router(), FakeNlu(SCRIPT), store, I18N)
    await engine.handle(msg("hello there", "1"))
    before = await store.get(msg("x").key)
    replies = await engine.handle(msg("crash please", "2"))
    assert [r.text for r in replies] == ["Sorry"]
    assert await store.get(msg("x").key) == before


async def test_low_confidence_and_nlu_failure_route_to_fallback_intent(
    sessions: async_sessionmaker[AsyncSession],
):
    engine = build_engine(sessions, router(), FakeNlu(SCRIPT), i18n=I18N)
    replies = await engine.handle(msg("mumble mumble", "1"))
    assert replies[0].text.startswith(f"{LOW_CONFIDENCE}/")
    replies = await engine.handle(msg("boom", "2"))
    assert replies[0].text.startswith(f"{LOW_CONFIDENCE}/")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"payload": "p:info:mien-dong-binh-lieu"}, "p:info/vi/idle"),
        ({"payload": "garbage"}, "other/vi/idle"),
        ({"text": "/lang en"}, "other/vi/idle"),
        ({"location": GeoPoint(21.0, 107.0)}, "location/vi/idle"),
        ({"text": ""}, f"{LOW_CONFIDENCE}/vi/idle"),
    ],
)
async def test_payloads_commands_locations_and_empty_text(
    sessions: async_sessionmaker[AsyncSession], kwargs: dict[str, object], expected: str
):
    engine = build_engine(sessions, router(), FakeNlu(SCRIPT), i18n=I18N)
    incoming = IncomingMessage("test", "c1", "u1", "1", **kwargs)  # type: ignore[arg-type]
    assert [r.text for r in await engine.handle(incoming)] == [expected]


async def test_one_chat_is_served_in_order(sessions: async_sessionmaker[AsyncSession]):
    order: list[str] = []

    async def slow(turn: Turn) -> Outcome:
        """Records entry and exit around a pause."""
        order.append(f"in:{turn.msg.message_id}")
        await asyncio.sleep(0.02)
        order.append(f"out:{turn.msg.message_id}")
        return Outcome([Reply("ok")])

    r = Router()
    r.set_fallback(slow)
    engine = build_engine(sessions, r, FakeNlu(SCRIPT), i18n=I18N)
    await asyncio.gather(*(engine.handle(msg("hi", str(i))) for i in range(3)))
    assert all(order[i][:3] == "in:" and order[i + 1][:4] == "out:" for i in range(0, 6, 2))


async def test_a_typed_number_presses_the_numbered_button(
    sessions: async_sessionmaker[AsyncSession],
):
    async def offer(turn: Turn) -> Outcome:
        """Offers two buttons, or echoes the pressed one."""
        if turn.payload:
            return Outcome([Reply(f"pressed {turn.payload.route}:{turn.payload.arg}")])
        return Outcome([Reply("pick", buttons=(Button("A", "p:info:a"), Button("B", "p:info:b")))])

    r = Router()
    r.set_fallback(offer)
    r.on_payload("p:info", offer)
    engine = build_engine(sessions, r, FakeNlu(SCRIPT), i18n=I18N)
    await engine.handle(msg("hi", "1"))
    assert [x.text for x in await engine.handle(msg("2", "2"))] == ["pressed p:info:b"]
    assert [x.text for x in await engine.handle(msg("2", "3"))] == ["pick"]  # no buttons now


async def test_an_unreadable_state_starts_afresh(sessions: async_sessionmaker[AsyncSession]):
    store = MemoryStateStore()
    await store.set(msg("x").key, {"memory": {"nonsense": 1, "products": ["a"]}, "step": 5})
    await store.set(msg("x").key, {"memory": "garbage"})
    engine = build_engine(sessions, router(), FakeNlu(SCRIPT), store, I18N)
    assert [r.text for r in await engine.handle(msg("xin chào bạn"))] == ["greet/vi/idle"]
