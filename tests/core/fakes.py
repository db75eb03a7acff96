"""Small fakes for engine tests: a scripted NLU and an engine built around a router."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.router import Router
from bot.core.state import MemoryStateStore, StateStore
from bot.core.turn import EngineSettings
from catalog.db import make_engine, make_session_factory


class FakeNlu:
    """Answers from a script: text -> (intent, confidence, language, entities)."""

    def __init__(self, script: dict[str, tuple[str, float, str, list[dict[str, Any]]]]) -> None:
        self.script = script
        self.calls: list[str] = []

    async def parse_async(self, text: str) -> dict[str, Any]:
        self.calls.append(text)
        if text == "boom":
            raise RuntimeError("nlu exploded")
        intent, confidence, language, entities = self.script.get(
            text, ("out_of_scope", 0.9, "vi", [])
        )
        return {
            "text": text,
            "language": language,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
            "entities": entities,
        }


@asynccontextmanager
async def memory_sessions() -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A session factory on an in-memory SQLite database (the fakes need no tables)."""
    engine = make_engine("sqlite+aiosqlite://")
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()


def build_engine(
    sessions: async_sessionmaker[AsyncSession],
    router: Router,
    nlu: FakeNlu,
    store: StateStore | None = None,
    i18n: I18n | None = None,
) -> Engine:
    return Engine(
        session_factory=sessions,
        nlu=nlu,
        store=store or MemoryStateStore(),
        dedup=MemoryDeduplicator(),
        locks=LocalLocks(),
        notifier=RecordingNotifier(),
        router=router,
        i18n=i18n or I18n.load(),
        settings=EngineSettings(threshold=0.5),
    )
