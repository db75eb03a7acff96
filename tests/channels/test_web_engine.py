"""The web chat over the real engine, handlers, NLU and seeded catalog (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.channels.web import SqlSessionStore, WebChannel
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
from tests.channels.web_support import WebChat, settings

THRESHOLD = 0.45


@pytest.fixture(scope="session")
def web_nlu_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One model cache per test session: the classifier trains once."""
    return tmp_path_factory.mktemp("web-nlu-model")


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
        channel = WebChannel(engine, settings(), SqlSessionStore(self.db))
        notifier.register(channel)
        app = web.Application()
        channel.setup(app)
        self.client = TestClient(TestServer(app, host="127.0.0.1"))
        await self.client.start_server()
        return self.client

    async def restart(self) -> TestClient:
        assert self.client is not None
        await self.client.close()
        return await self.start()


@pytest.fixture
async def site(catalog_db_url: str, web_nlu_model_dir: Path) -> AsyncIterator[Site]:
    db = make_engine(catalog_db_url)
    async with make_session_factory(db)() as session:
        names = await CatalogService(session).gazetteer()
    nlu = Interpreter.load(
        CatalogLexicon.from_dicts(**names), web_nlu_model_dir, threshold=THRESHOLD
    )
    site = Site(db, nlu)
    try:
        yield site
    finally:
        if site.client is not None:
            await site.client.close()
        await db.dispose()


def texts(replies: list[dict]) -> str:
    return "\n".join(reply["text"] for reply in replies)


def titles(replies: list[dict]) -> list[str]:
    return [button["title"] for reply in replies for button in reply["buttons"]]


async def test_a_tourist_asks_clicks_and_gets_an_answer(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    greeting = await chat.send("/start")
    assert "Xin chào! Mình là trợ lý OCOP Quảng Ninh" in texts(greeting)
    assert any("Sản phẩm OCOP" in title for title in titles(greeting))

    answer = await chat.send("nước mắm Cái Rồng giá bao nhiêu?")
    assert "Cái Rồng" in texts(answer)


async def test_english_switch_and_a_restart_keep_the_conversation(site: Site) -> None:
    chat = await WebChat(await site.start()).open()
    await chat.send("/lang en")

    chat.client = await site.restart()  # a new process: same database, same token
    replies = await chat.send("/start")

    assert "Hello! I'm the Quảng Ninh OCOP assistant" in texts(replies)


async def test_near_me_answers_with_location_cards(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    replies = await chat.share_location(20.9511, 107.0736)  # Bãi Cháy, Hạ Long

    cards = [reply["location"] for reply in replies if reply["location"]]
    assert cards, texts(replies)
    assert all({"lat", "lon", "title", "address"} <= card.keys() for card in cards)


async def test_a_retried_post_is_answered_again_without_running_twice(site: Site) -> None:
    chat = await WebChat(await site.start()).open()

    first = await chat.send("/lang en", id="retry-1")
    again = await chat.send("/lang en", id="retry-1")

    assert again == first and first


async def test_a_handoff_reaches_the_operators_web_chat(site: Site) -> None:
    client = await site.start()
    operator = await WebChat(client).open()
    site.operator = operator.user
    client = await site.restart()
    operator.client = client
    tourist = await WebChat(client).open()

    await tourist.send("cho mình gặp cán bộ OCOP")
    _, inbox = await operator.updates(wait=5)

    assert inbox["messages"], "the operator's long poll got nothing"
    assert tourist.user is not None
    assert tourist.user in texts(inbox["messages"])
