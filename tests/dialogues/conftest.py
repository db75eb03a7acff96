"""Dialogue fixtures: the real engine, the real NLU and the real seeded catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import RecordingNotifier
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from catalog.db import make_engine, make_session_factory
from catalog.services import CatalogService
from nlu.interpreter import Interpreter
from nlu.lexicon import CatalogLexicon
from tests.chat_client import ChatClient

OPERATOR = "web:operator"
THRESHOLD = 0.45


@pytest.fixture(scope="session")
def nlu_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One model cache per test session: the classifier trains once."""
    return tmp_path_factory.mktemp("nlu-model")


async def load_interpreter(
    sessions: async_sessionmaker[AsyncSession], model_dir: Path
) -> Interpreter:
    async with sessions() as session:
        names = await CatalogService(session).gazetteer()
    return Interpreter.load(CatalogLexicon.from_dicts(**names), model_dir, threshold=THRESHOLD)


class Bot:
    """The wired engine of one test database, handing out chats and restarts."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], nlu: Interpreter) -> None:
        self.sessions, self.nlu = sessions, nlu
        self.notifier = RecordingNotifier()
        self.engine = self.build()

    def build(self) -> Engine:
        """Builds an engine as the composition root does (a restart builds a new one)."""
        return Engine(
            session_factory=self.sessions,
            nlu=self.nlu,
            store=SqlStateStore(self.sessions),
            dedup=SqlDeduplicator(self.sessions),
            locks=LocalLocks(),
            notifier=self.notifier,
            router=build_router(),
            i18n=I18n.load(),
            settings=EngineSettings(threshold=THRESHOLD, operator=OPERATOR),
        )

    def chat(self, chat_id: str = "chat-1", channel: str = "test") -> ChatClient:
        return ChatClient(self.engine, channel=channel, chat_id=chat_id)


@pytest.fixture
async def bot(catalog_db_url: str, nlu_model_dir: Path) -> AsyncIterator[Bot]:
    db = make_engine(catalog_db_url)
    sessions = make_session_factory(db)
    try:
        yield Bot(sessions, await load_interpreter(sessions, nlu_model_dir))
    finally:
        await db.dispose()


@pytest.fixture
def chat(bot: Bot) -> ChatClient:
    """A fresh chat on the real engine."""
    return bot.chat()


ChatFactory = Callable[[str], ChatClient]
