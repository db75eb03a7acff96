"""EngineSettings.max_concurrent_turns: at most that many turns run at once, in order."""

from __future__ import annotations

import asyncio

from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.messages import IncomingMessage, Reply
from bot.core.notify import RecordingNotifier
from bot.core.router import Router
from bot.core.state import MemoryStateStore
from bot.core.turn import EngineSettings, Outcome, Turn
from tests.core.fakes import FakeNlu, memory_sessions


async def test_turns_beyond_the_limit_wait_for_a_slot() -> None:
    running = 0
    most = 0

    async def slow(turn: Turn) -> Outcome:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1
        return Outcome([Reply("ok")])

    router = Router()
    router.set_fallback(slow)
    async with memory_sessions() as sessions:
        engine = Engine(
            session_factory=sessions,
            nlu=FakeNlu({}),
            store=MemoryStateStore(),
            dedup=MemoryDeduplicator(),
            locks=LocalLocks(),
            notifier=RecordingNotifier(),
            router=router,
            i18n=I18n({"vi": {}, "en": {}}),
            settings=EngineSettings(max_concurrent_turns=2),
        )
        chats = [IncomingMessage("test", f"c{i}", f"u{i}", "1", text="hi") for i in range(6)]
        replies = await asyncio.gather(*(engine.handle(m) for m in chats))
    assert [[r.text for r in rs] for rs in replies] == [["ok"]] * 6
    assert most == 2
