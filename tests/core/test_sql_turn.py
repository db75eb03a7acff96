"""One transaction per message with the SQL stores: claim, handler and state commit together."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dedup import SessionDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.messages import IncomingMessage, Reply
from bot.core.notify import RecordingNotifier
from bot.core.router import Router
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.state import SessionStateStore
from bot.core.turn import EngineSettings, Outcome, Turn
from catalog.db import make_engine, make_session_factory, upgrade
from tests.core.fakes import FakeNlu

SCRIPT = {"hello": ("greet", 0.95, "en", []), "crash": ("help", 0.95, "en", [])}
I18N = I18n({"vi": {"error.apology": "Xin lỗi"}, "en": {"error.apology": "Sorry"}})


class Gate:
    """Holds every greet turn until ``expected`` of them are inside the handler."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.inside = 0
        self.open = asyncio.Event()

    async def greet(self, turn: Turn) -> Outcome:
        self.inside += 1
        if self.inside >= self.expected:
            self.open.set()
        await asyncio.wait_for(self.open.wait(), 5)
        turn.memory.topic = f"greet {self.inside}"
        return Outcome([Reply("hi")], step="greet:done")


async def crash(turn: Turn) -> Outcome:
    raise ValueError("handler bug")


def build(sessions: async_sessionmaker[AsyncSession], gate: Gate, nlu: FakeNlu) -> Engine:
    router = Router()
    router.on_intent("greet", gate.greet)
    router.on_intent("help", crash)
    router.set_fallback(gate.greet)
    return Engine(
        session_factory=sessions,
        nlu=nlu,
        store=SqlStateStore(sessions),
        dedup=SqlDeduplicator(sessions),
        locks=LocalLocks(),  # one per engine: two "processes" without a shared lock
        notifier=RecordingNotifier(),
        router=router,
        i18n=I18N,
        settings=EngineSettings(),
    )


def msg(text: str, mid: str) -> IncomingMessage:
    return IncomingMessage("test", "c1", "u1", mid, text=text)


async def test_sql_stores_join_the_turn(empty_db_url: str) -> None:
    await upgrade(empty_db_url)
    db = make_engine(empty_db_url)
    try:
        sessions = make_session_factory(db)
        assert isinstance(SqlStateStore(sessions), SessionStateStore)
        assert isinstance(SqlDeduplicator(sessions), SessionDeduplicator)
        nlu = FakeNlu(SCRIPT)
        engine = build(sessions, Gate(1), nlu)
        assert [r.text for r in await engine.handle(msg("hello", "1"))] == ["hi"]
        assert await engine.handle(msg("hello", "1")) == []  # caught before the NLU
        assert nlu.calls == ["hello"]
        store = SqlStateStore(sessions)
        saved = await store.get(msg("x", "x").key)
        assert saved and saved["step"] == "greet:done"

        # A failing handler rolls its turn back, but the message stays claimed.
        assert [r.text for r in await engine.handle(msg("crash", "2"))] == ["Sorry"]
        assert await store.get(msg("x", "x").key) == saved
        assert await engine.handle(msg("hello", "2")) == []
        assert not await SqlDeduplicator(sessions).claim("test", "c1:2")
    finally:
        await db.dispose()


async def test_a_concurrent_duplicate_on_another_process_is_rolled_back(
    empty_db_url: str,
) -> None:
    await upgrade(empty_db_url)
    db = make_engine(empty_db_url)
    try:
        sessions = make_session_factory(db)
        gate = Gate(2)  # both turns pass the pre-check before either claims
        first, second = (
            build(sessions, gate, FakeNlu(SCRIPT)),
            build(sessions, gate, FakeNlu(SCRIPT)),
        )
        results = await asyncio.gather(
            first.handle(msg("hello", "9")), second.handle(msg("hello", "9"))
        )
        assert sorted(len(r) for r in results) == [0, 1]
        saved = await SqlStateStore(sessions).get(msg("x", "x").key)
        assert saved and saved["memory"]["topic"] == "greet 2"  # one turn's state, saved once
    finally:
        await db.dispose()


async def test_a_retried_message_gets_its_first_replies_on_another_process(
    empty_db_url: str,
) -> None:
    """Regression: a retry after a restart (or on another process) got no replies at all."""
    await upgrade(empty_db_url)
    db = make_engine(empty_db_url)
    try:
        sessions = make_session_factory(db)
        first = build(sessions, Gate(1), FakeNlu(SCRIPT))
        assert [r.text for r in await first.handle(msg("hello", "9"))] == ["hi"]
        assert [r.text for r in await first.handle(msg("crash", "10"))] == ["Sorry"]

        other = build(sessions, Gate(1), FakeNlu(SCRIPT))  # a restarted or second process
        assert await other.handle(msg("hello", "9")) == []  # still processed once
        again = await other.replies_for(msg("hello", "9"))
        assert again is not None and [r.text for r in again] == ["hi"]
        apology = await other.replies_for(msg("crash", "10"))
        assert apology is not None and [r.text for r in apology] == ["Sorry"]
        assert await other.replies_for(msg("hello", "never-sent")) is None
    finally:
        await db.dispose()
