"""The web chat wired as the composition root does, on the real engine, NLU and catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.channels.web import SqlSessionStore, SqlTranscript, WebChannel
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks
from bot.core.notify import ChannelNotifier
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from catalog.db import make_engine, make_session_factory
from catalog.services import CatalogService
from nlu.interpreter import Interpreter
from nlu.lexicon import CatalogLexicon
from tests.channels.web_support import settings

THRESHOLD = 0.45


class Site:
    """The web chat as the composition root wires it; ``restart`` builds a fresh process."""

    def __init__(self, db: AsyncEngine, nlu: Interpreter) -> None:
        self.db, self.nlu = db, nlu
        self.sessions: async_sessionmaker[AsyncSession] = make_session_factory(db)
        self.operator: str | None = None
        self.client: TestClient | None = None

    async def start(self) -> TestClient:
        notifier = ChannelNotifier()
        engine = Engine(
            session_factory=self.sessions,
            nlu=self.nlu,
            store=SqlStateStore(self.sessions),
            dedup=SqlDeduplicator(self.sessions),
            locks=LocalLocks(),
            notifier=notifier,
            router=build_router(),
            i18n=I18n.load(),
            settings=EngineSettings(threshold=THRESHOLD, operator=self.operator),
        )
        channel = WebChannel(
            engine, settings(), SqlSessionStore(self.db), transcript=SqlTranscript(self.db)
        )
        notifier.register(channel)
        app = web.Application()
        channel.setup(app)
        self.client = TestClient(TestServer(app, host="127.0.0.1"))
        await self.client.start_server()
        return self.client

    @property
    def url(self) -> str:
        assert self.client is not None
        return str(self.client.make_url("/"))

    async def restart(self) -> TestClient:
        assert self.client is not None
        await self.client.close()
        return await self.start()


@asynccontextmanager
async def real_site(db_url: str, model_dir: Path) -> AsyncIterator[Site]:
    """A Site on a migrated, seeded database; stops its server and disposes of the engine."""
    db = make_engine(db_url)
    async with make_session_factory(db)() as session:
        names = await CatalogService(session).gazetteer()
    nlu = Interpreter.load(CatalogLexicon.from_dicts(**names), model_dir, threshold=THRESHOLD)
    site = Site(db, nlu)
    try:
        yield site
    finally:
        if site.client is not None:
            await site.client.close()
        await db.dispose()
