"""Dialogue fixtures: the real engine, the real NLU and the real seeded catalog."""

from __future__ import annotations

import itertools
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
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
from tests.conftest import DATABASES, _in_thread
from tests.db_servers import PG_ADMIN_DSN, pg_admin, sqlite_url

OPERATOR = "web:operator"
THRESHOLD = 0.45
# The day the dialogues happen on, unless a test sets `bot.today` (fairs are relative to it).
TODAY = date(2026, 1, 10)


async def _pg_copy(template: str, name: str, drop: bool) -> None:
    admin = await pg_admin()
    try:
        if drop:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()


@pytest.fixture(scope="module", params=DATABASES)
def dialogue_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A seeded catalog database shared by one test module (every test has its own chats).

    Copying the template once per module instead of once per test keeps the dialogue
    suite fast on PostgreSQL, where creating a database costs most of a second.
    """
    if request.param == "sqlite":
        directory = tmp_path_factory.mktemp("dialogues")
        shutil.copyfile(
            request.getfixturevalue("_catalog_sqlite_template"), directory / "ocopbot-test.db"
        )
        yield sqlite_url(directory)
        return
    template = request.getfixturevalue("_catalog_pg_template")
    name = f"ocopbot_dlg_{uuid.uuid4().hex[:12]}"
    _in_thread(_pg_copy, template, name, False)
    try:
        base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
        yield f"{base}/{name}"
    finally:
        _in_thread(_pg_copy, template, name, True)


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

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        nlu: Interpreter,
        operator: str | None = OPERATOR,
    ) -> None:
        self.sessions, self.nlu, self.operator = sessions, nlu, operator
        self.notifier = RecordingNotifier()
        self.today = TODAY
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
            settings=EngineSettings(
                threshold=THRESHOLD, operator=self.operator, today=lambda: self.today
            ),
        )

    def chat(self, chat_id: str | None = None, channel: str = "test") -> ChatClient:
        """A chat of its own (tests share a database, never a conversation)."""
        return ChatClient(self.engine, channel=channel, chat_id=chat_id or _new_chat_id())


_CHAT_IDS = itertools.count(1)


def _new_chat_id() -> str:
    return f"chat-{uuid.uuid4().hex[:8]}-{next(_CHAT_IDS)}"


@pytest.fixture
async def bot(dialogue_db_url: str, nlu_model_dir: Path) -> AsyncIterator[Bot]:
    db = make_engine(dialogue_db_url)
    sessions = make_session_factory(db)
    try:
        yield Bot(sessions, await load_interpreter(sessions, nlu_model_dir))
    finally:
        await db.dispose()


@pytest.fixture
async def lonely_bot(dialogue_db_url: str, nlu_model_dir: Path) -> AsyncIterator[Bot]:
    """The bot with no `orders.operator`: orders of unlinked producers reach nobody."""
    db = make_engine(dialogue_db_url)
    sessions = make_session_factory(db)
    try:
        yield Bot(sessions, await load_interpreter(sessions, nlu_model_dir), operator=None)
    finally:
        await db.dispose()


@pytest.fixture
def chat(bot: Bot) -> ChatClient:
    """A fresh chat on the real engine."""
    return bot.chat()


ChatFactory = Callable[[str], ChatClient]
