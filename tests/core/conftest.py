"""Engines on the real seeded catalog with a scripted NLU, for handler tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bot.core.dedup import MemoryDeduplicator
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.sql_store import SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from catalog.db import make_engine, make_session_factory
from tests.chat_client import ChatClient
from tests.core.fakes import FakeNlu

OPERATOR = "web:operator"
Script = dict[str, tuple[str, float, str, list[dict[str, Any]]]]


def ent(kind: str, value: Any, text: str, words: str) -> dict[str, Any]:
    """An entity on the first occurrence of `words` in `text`."""
    start = text.index(words)
    return {"entity": kind, "value": value, "start": start, "end": start + len(words)}


@pytest.fixture
async def scripted_chat(
    catalog_db_url: str,
) -> AsyncIterator[Callable[[Script], tuple[ChatClient, RecordingNotifier]]]:
    """Builds a chat on the seeded catalog whose NLU answers from a script."""
    db = make_engine(catalog_db_url)
    sessions = make_session_factory(db)

    def build(script: Script) -> tuple[ChatClient, RecordingNotifier]:
        notifier = RecordingNotifier()
        engine = Engine(
            session_factory=sessions,
            nlu=FakeNlu(script),
            store=SqlStateStore(sessions),
            dedup=MemoryDeduplicator(),
            locks=LocalLocks(),
            notifier=notifier,
            router=build_router(),
            i18n=I18n.load(),
            settings=EngineSettings(threshold=0.5, operator=OPERATOR),
        )
        return ChatClient(engine), notifier

    try:
        yield build
    finally:
        await db.dispose()
