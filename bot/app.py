"""Composition root: builds the database, the NLU, the engine and the channels, and runs them."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.admin_cli import AdminError
from bot.config import Settings
from bot.core.engine import Engine
from bot.core.i18n import I18n
from bot.core.locks import LocalLocks, LockProvider
from bot.core.messages import Channel
from bot.core.nlu import NluParser
from bot.core.sql_store import SqlDeduplicator, SqlStateStore
from bot.core.state import StateStore
from bot.core.turn import EngineSettings
from bot.handlers import build_router
from bot.notify import OutboxDispatcher
from bot.notify_render import OutboxRenderer
from bot.order_reminders import run_reminders_forever
from bot.outbox_notifier import OutboxNotifier
from bot.stores import RedisLocks, RedisStateStore, connect_redis
from catalog.cache import CatalogCache
from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade
from catalog.orders import OrderPolicy
from catalog.services import CatalogService
from nlu import CatalogLexicon, Interpreter, RasaHttpInterpreter

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything one process shares: the database, the engine and the started channels."""

    db: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    engine: Engine
    i18n: I18n
    policy: OrderPolicy
    channels: dict[str, Channel] = field(default_factory=dict)
    redis: Redis | None = None  # set when state, locks and web mailboxes are shared

    def add_channel(self, channel: Channel) -> None:
        """Lets the outbox dispatcher deliver to chats on this channel."""
        self.channels[channel.name] = channel

    @asynccontextmanager
    async def background(self) -> AsyncIterator[None]:
        """Runs the outbox dispatcher and the order reminders while the body runs."""
        dispatcher = OutboxDispatcher(self.sessions, self.channels, OutboxRenderer(self.i18n.t))
        tasks = [
            asyncio.create_task(dispatcher.run_forever(), name="outbox"),
            asyncio.create_task(run_reminders_forever(self.sessions, self.policy), name="remind"),
        ]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def order_policy(settings: Settings) -> OrderPolicy:
    orders = settings.orders
    return OrderPolicy(
        operator=orders.operator,
        remind_after=orders.remind_after,
        escalate_after=orders.escalate_after,
        max_quantity=orders.max_quantity,
    )


async def upgrade_database(settings: Settings) -> None:
    """Applies every migration and, on an empty catalog, loads the seed."""
    db = make_engine(settings.database.url)
    try:
        await upgrade(db)
        if settings.database.seed_on_empty:
            await seed_if_empty(make_session_factory(db))
    finally:
        await db.dispose()


async def build_nlu(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> NluParser:
    """Loads the configured NLU; the built-in one learns the catalog's names first."""
    if settings.nlu.backend == "rasa":
        if not settings.nlu.rasa_url:
            raise ValueError("nlu.backend is rasa but nlu.rasa_url is not set")
        return RasaHttpInterpreter(settings.nlu.rasa_url)
    async with sessions() as session:
        names = await CatalogService(session).gazetteer()
    lexicon = CatalogLexicon.from_dicts(**names)
    # Training (first start only) takes seconds of CPU: keep the loop free meanwhile.
    return await asyncio.to_thread(
        Interpreter.load, lexicon, settings.nlu.model_dir, threshold=settings.nlu.threshold
    )


def conversation_stores(
    settings: Settings, sessions: async_sessionmaker[AsyncSession], redis: Redis | None
) -> tuple[StateStore, LockProvider]:
    """Redis when configured (several processes); else the database and in-process locks."""
    if redis is None:
        return SqlStateStore(sessions), LocalLocks()
    prefix = settings.redis.prefix
    store = RedisStateStore(redis, prefix=prefix, ttl=settings.redis.state_ttl)
    return store, RedisLocks(redis, prefix=prefix)


@asynccontextmanager
async def open_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Migrates, seeds and wires the engine; closes Redis and the database afterwards."""
    # A missing Redis stops the start (StoreUnavailable) before anything else happens.
    redis = await connect_redis(settings.redis.url) if settings.redis.url else None
    db = make_engine(settings.database.url)
    try:
        await upgrade(db)
        # The catalog is read on every message and changes only by import: cache its reads.
        sessions = make_session_factory(db, catalog_cache=CatalogCache())
        if settings.database.seed_on_empty and await seed_if_empty(sessions):
            logger.info("empty database: loaded the OCOP seed catalog")
        i18n = I18n.load()
        store, locks = conversation_stores(settings, sessions, redis)
        engine = Engine(
            session_factory=sessions,
            nlu=await build_nlu(settings, sessions),
            store=store,
            dedup=SqlDeduplicator(sessions),
            locks=locks,
            notifier=OutboxNotifier(sessions),
            router=build_router(),
            i18n=i18n,
            settings=EngineSettings(
                threshold=settings.nlu.threshold,
                operator=settings.orders.operator,
                max_text_chars=settings.web.max_text_chars,
                max_quantity=settings.orders.max_quantity,
                # In-process NLU: turns are CPU-bound; a few at once keep bursts from
                # turning into a convoy (open loop at 300/s: p99 106-158 -> 14-48 ms).
                max_concurrent_turns=4 if settings.nlu.backend == "builtin" else None,
            ),
        )
        # What start-up built (NLU model, SQLAlchemy metadata, catalogs, routes) lives as
        # long as the process: keep it out of the collector, whose full passes over it
        # took 35-60 ms and made the slowest replies under load.
        gc.freeze()
        yield Runtime(db, sessions, engine, i18n, order_policy(settings), redis=redis)
    finally:
        await db.dispose()
        if redis is not None:
            await redis.aclose()


AdminCall = Callable[[async_sessionmaker[AsyncSession]], Awaitable[str]]


async def admin(settings: Settings, call: AdminCall) -> int:
    """Runs one operator command on the migrated database and prints its answer."""
    db = make_engine(settings.database.url)
    try:
        await upgrade(db)
        sessions = make_session_factory(db)
        if settings.database.seed_on_empty:
            await seed_if_empty(sessions)
        print(await call(sessions))
    except AdminError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        await db.dispose()
    return 0


async def chat(settings: Settings) -> int:
    """Runs the terminal chat on the same engine."""
    from bot.channels.console import ConsoleChannel, run_console

    async with open_runtime(settings) as runtime:
        runtime.add_channel(ConsoleChannel(sys.stdout))
        async with runtime.background():
            await run_console(runtime.engine, sys.stdin, sys.stdout)
    return 0


async def serve(settings: Settings) -> int:
    """Runs every enabled channel until Ctrl-C or SIGTERM."""
    from bot.channels.web import SqlSessionStore, WebChannel
    from bot.channels.web.redis_mailbox import RedisMailbox

    async with open_runtime(settings) as runtime:
        app = web.Application(client_max_size=settings.web.max_body_bytes)
        app.router.add_get("/healthz", healthz)
        started = []
        if settings.web.enabled:
            mailbox = None
            if runtime.redis is not None:  # a push from any process reaches any process's poll
                mailbox = RedisMailbox(runtime.redis, prefix=f"{settings.redis.prefix}:web")
            sessions = SqlSessionStore(runtime.db)
            channel = WebChannel(runtime.engine, settings.web, sessions, mailbox=mailbox)
            channel.setup(app)
            runtime.add_channel(channel)
        if settings.telegram.token is not None:
            from bot.channels.telegram import TelegramChannel

            telegram = TelegramChannel(settings.telegram, runtime.engine)
            await telegram.start(app)
            runtime.add_channel(telegram)
            started.append(telegram)
        if settings.zalo_bot.token is not None:
            from bot.channels.zalo_bot import ZaloBotChannel

            zalo_bot = ZaloBotChannel(settings.zalo_bot, runtime.engine)
            await zalo_bot.start(app)
            runtime.add_channel(zalo_bot)
            started.append(zalo_bot)
        if settings.zalo_oa.app_id and settings.zalo_oa.secret_key is not None:
            from bot.channels.zalo_oa import SqlTokenStore, ZaloOAChannel

            store = SqlTokenStore(runtime.sessions)
            zalo_oa = ZaloOAChannel(settings.zalo_oa, runtime.engine, store)
            await zalo_oa.start(app)
            runtime.add_channel(zalo_oa)
            started.append(zalo_oa)
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, settings.web.host, settings.web.port)
        await site.start()
        print(f"ocopbot is running: web chat at {address(runner, settings)}", flush=True)
        try:
            async with runtime.background():
                await wait_for_stop()
        finally:
            print("ocopbot: shutting down", flush=True)
            for channel_ in started:
                await channel_.stop()
            await runner.cleanup()
    return 0


def address(runner: web.AppRunner, settings: Settings) -> str:
    """The web chat's URL, with the real port when the config asked for port 0."""
    for host, port, *_ in runner.addresses:
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        return f"http://{shown}:{port}/"
    return f"http://{settings.web.host}:{settings.web.port}/"


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def wait_for_stop() -> None:
    """Waits for SIGINT or SIGTERM, so Ctrl-C shuts down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
