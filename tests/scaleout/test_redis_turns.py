"""Turns of the engine on Redis (several processes): two round trips each, and the state kept."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import RedisSettings, Settings
from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.messages import Button, ConversationKey, IncomingMessage, Reply
from bot.core.notify import RecordingNotifier
from bot.core.router import Router
from bot.core.turn import EngineSettings, Outcome, Turn
from bot.runtime import conversation_stores
from tests.core.fakes import FakeNlu, memory_sessions
from tests.scaleout.conftest import RedisServer
from tests.scaleout.round_trips import record_commands

SCRIPT = {"xin chào": ("greet", 0.95, "vi", [])}
I18N = I18n({"vi": {"error.apology": "Xin lỗi"}, "en": {"error.apology": "Sorry"}})
CHAT = ConversationKey("web", "c1")


async def count_turns(turn: Turn) -> Outcome:
    """Counts this chat's turns in its state and says the count."""
    seen = turn.memory.filters.get("turns", 0) + 1
    turn.memory.filters["turns"] = seen
    return Outcome([Reply(f"turn {seen}", buttons=[Button("Thêm", "p:more")])], step="count")


@pytest.fixture
async def sessions() -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with memory_sessions() as factory:
        yield factory


def scale_out_engine(
    server: RedisServer, sessions: async_sessionmaker[AsyncSession], **client: Any
) -> tuple[Engine, list[str]]:
    """An engine wired as `serve` wires it with redis.url set, and the commands it sends."""
    redis = server.client()
    sent = record_commands(redis, **client)
    settings = Settings(redis=RedisSettings(url="redis://unused", prefix=server.prefix))
    store, locks = conversation_stores(settings, sessions, redis)
    router = Router()
    router.on_intent("greet", count_turns)
    router.set_fallback(count_turns)
    engine = Engine(
        session_factory=sessions,
        nlu=FakeNlu(SCRIPT),
        store=store,
        dedup=MemoryDeduplicator(),
        locks=locks,
        notifier=RecordingNotifier(),
        router=router,
        i18n=I18N,
        settings=EngineSettings(threshold=0.5),
    )
    return engine, sent


def hello(mid: str) -> IncomingMessage:
    return IncomingMessage("web", "c1", "u1", mid, text="xin chào")


async def test_a_turn_costs_two_round_trips_to_redis_not_four(
    redis_server: RedisServer, sessions: async_sessionmaker[AsyncSession]
) -> None:
    engine, sent = scale_out_engine(redis_server, sessions)
    assert [r.text for r in await engine.handle(hello("1"))] == ["turn 1"]
    sent.clear()  # the first call of a script may load it first (NOSCRIPT)

    assert [r.text for r in await engine.handle(hello("2"))] == ["turn 2"]

    assert sent == ["EVALSHA", "EVALSHA"]  # lock + state, then state + release
    assert await redis_server.keys("lock:*") == []


async def test_options_remembered_outside_a_turn_cost_two_round_trips(
    redis_server: RedisServer, sessions: async_sessionmaker[AsyncSession]
) -> None:
    engine, sent = scale_out_engine(redis_server, sessions)
    await engine.handle(hello("1"))
    sent.clear()

    await engine.remember_options(CHAT, [Reply("Đơn mới", buttons=[Button("Nhận", "o:accept")])])

    assert sent == ["EVALSHA", "EVALSHA"]
    other, _ = scale_out_engine(redis_server, sessions)
    assert [r.text for r in await other.handle(hello("2"))] == ["turn 2"]  # state kept


async def test_a_state_that_cannot_be_saved_gets_an_apology_and_frees_the_chat(
    redis_server: RedisServer, sessions: async_sessionmaker[AsyncSession]
) -> None:
    """As when the plain SET failed: the person is not told the turn went through."""
    saving = False

    def fail(args: tuple[Any, ...]) -> Exception | None:
        # A plain SET of the state, or the script whose first key is the state's.
        key = {"SET": 1, "EVALSHA": 3}.get(args[0])
        is_save = key is not None and ":state:" in str(args[key])
        return RedisConnectionError("Redis went away") if saving and is_save else None

    engine, _ = scale_out_engine(redis_server, sessions, fail=fail)
    await engine.handle(hello("1"))
    saving = True

    assert [r.text for r in await engine.handle(hello("2"))] == ["Xin lỗi"]

    assert await redis_server.keys("lock:*") == []  # released anyway: no 15 s wait
    saving = False
    assert [r.text for r in await engine.handle(hello("3"))] == ["turn 2"]
