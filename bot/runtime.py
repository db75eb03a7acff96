"""What one process is built of: the database, the NLU, the engine and its loops."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.admin.housekeeping import run_housekeeping_forever
from bot.config import RetentionSettings, Settings
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
from bot.payment_reminders import run_payment_reminders_forever
from bot.retention import Pruner
from bot.turn_log import TurnLog
from catalog.cache import CatalogCache
from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade
from catalog.orders import OrderPolicy, OrderService
from catalog.orders.reach import waiting_for_a_seller
from catalog.services import CatalogService
from nlu import CatalogLexicon, Interpreter, RasaHttpInterpreter

if TYPE_CHECKING:  # the client is imported only when redis.url is set (shared_redis)
    from redis.asyncio import Redis

logger = logging.getLogger(__name__)
Sessions = async_sessionmaker[AsyncSession]


class StartupProblem(Exception):
    """Something outside the code stops the start (database down, port taken): one line."""


def masked(url: str) -> str:
    """A database URL fit for a log line (password hidden)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unparsable URL)"


@dataclass
class Runtime:
    """Everything one process shares: the database, the engine and the started channels."""

    db: AsyncEngine
    sessions: Sessions
    engine: Engine
    i18n: I18n
    policy: OrderPolicy
    channels: dict[str, Channel] = field(default_factory=dict)
    redis: Redis | None = None  # set when state, locks and web mailboxes are shared
    unpaid_after: timedelta = timedelta(hours=24)  # payments.remind_unpaid_after
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    turn_log: TurnLog | None = None  # the console's transcript and analytics, written in batches

    def add_channel(self, channel: Channel) -> None:
        """Lets the outbox dispatcher deliver to chats on this channel."""
        self.channels[channel.name] = channel

    @asynccontextmanager
    async def background(self) -> AsyncIterator[None]:
        """Runs the outbox dispatcher, the order reminders and the console's housekeeping."""
        dispatcher = OutboxDispatcher(self.sessions, self.channels, OutboxRenderer(self.i18n.t))
        tasks = [
            asyncio.create_task(dispatcher.run_forever(), name="outbox"),
            asyncio.create_task(run_reminders_forever(self.sessions, self.policy), name="remind"),
            asyncio.create_task(
                run_payment_reminders_forever(self.sessions, self.policy, self.unpaid_after),
                name="remind-unpaid",
            ),
            asyncio.create_task(Pruner(self.sessions, self.retention).run_forever(), name="prune"),
            asyncio.create_task(run_housekeeping_forever(self.sessions), name="housekeeping"),
        ]
        if self.turn_log is not None:
            tasks.append(asyncio.create_task(self.turn_log.run(), name="turn-log"))
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def order_policy(settings: Settings) -> OrderPolicy:
    """The order domain's settings, copied from the orders section."""
    orders = settings.orders
    return OrderPolicy(
        operator=orders.operator,
        remind_after=orders.remind_after,
        escalate_after=orders.escalate_after,
        max_quantity=orders.max_quantity,
    )


@asynccontextmanager
async def open_database(
    settings: Settings, *, cached: bool = False
) -> AsyncIterator[tuple[AsyncEngine, Sessions]]:
    """Migrates the database, seeds an empty catalog, and disposes of the engine afterwards.

    Args:
        settings: the database section is used.
        cached: cache the catalog's reads (for the long-running bot, where the catalog is
            read on every message and changes only by import).
    """
    try:
        db = make_engine(settings.database.url, synchronous=settings.database.sqlite_synchronous)
    except Exception as exc:
        raise StartupProblem(f"database.url is not usable ({exc.__class__.__name__})") from None
    try:
        try:
            await upgrade(db)
        except (TimeoutError, OSError, SQLAlchemyError) as exc:
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
            raise StartupProblem(
                f"database {masked(settings.database.url)} is unreachable: "
                f"{exc.__class__.__name__}{': ' + first if first else ''}"
            ) from None
        sessions = make_session_factory(db, catalog_cache=CatalogCache() if cached else None)
        if settings.database.seed_on_empty and await seed_if_empty(sessions):
            logger.info("empty database: loaded the OCOP seed catalog")
        yield db, sessions
    finally:
        await db.dispose()


async def build_nlu(settings: Settings, sessions: Sessions) -> NluParser:
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
    settings: Settings, sessions: Sessions, redis: Redis | None
) -> tuple[StateStore, LockProvider]:
    """Redis when configured (several processes); else the database and in-process locks."""
    if redis is None:
        return SqlStateStore(sessions), LocalLocks()
    from bot.stores import RedisConversations

    # One object for both: the lock brings the state along and takes the save back.
    both = RedisConversations(redis, prefix=settings.redis.prefix, ttl=settings.redis.state_ttl)
    return both, both


@asynccontextmanager
async def open_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Migrates, seeds and wires the engine; closes Redis and the database afterwards."""
    # A missing Redis stops the start before anything else happens.
    redis = await shared_redis(settings.redis.url) if settings.redis.url else None
    try:
        async with open_database(settings, cached=True) as (db, sessions):
            await warn_waiting_orders(sessions, settings.orders.operator)
            i18n = I18n.load()
            turn_log = TurnLog(sessions)
            engine = await build_engine(settings, sessions, redis, i18n, turn_log)
            runtime = Runtime(
                db,
                sessions,
                engine,
                i18n,
                order_policy(settings),
                redis=redis,
                unpaid_after=settings.payments.remind_unpaid_after,
                retention=settings.retention,
                turn_log=turn_log,
            )
            try:
                yield runtime
            finally:
                await turn_log.flush()
    finally:
        if redis is not None:
            await redis.aclose()


async def shared_redis(url: str) -> Redis:
    """Connects to the Redis that several processes share; StartupProblem when it is down.

    The client library is imported here, not at the top: the embedded default (one
    process, no Redis) never loads it (~5 MiB, ~40 ms of start-up).
    """
    from bot.stores import StoreUnavailable, connect_redis

    try:
        return await connect_redis(url)
    except StoreUnavailable as exc:
        raise StartupProblem(str(exc)) from None


async def warn_waiting_orders(sessions: Sessions, operator: str | None) -> int:
    """Logs one line with the number of pending orders nobody can receive; returns it."""
    async with sessions() as session:
        orders = await OrderService(session).list(status="pending", limit=10_000)
        waiting = await waiting_for_a_seller(session, orders, operator)
    if waiting:
        logger.warning(
            "%d order(s) wait for a seller: nobody can receive them (set orders.operator "
            "or link their producers); see `orders list`",
            len(waiting),
        )
    return len(waiting)


async def build_engine(
    settings: Settings,
    sessions: Sessions,
    redis: Redis | None,
    i18n: I18n,
    turn_log: TurnLog | None = None,
) -> Engine:
    """Wires the engine: NLU, conversation stores, dedup, outbox notifier and handlers."""
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
        observer=turn_log,
        settings=EngineSettings(
            threshold=settings.nlu.threshold,
            operator=settings.orders.operator,
            max_text_chars=settings.web.max_text_chars,
            max_quantity=settings.orders.max_quantity,
            telegram_bot_username=settings.telegram.bot_username,
            reply_hours=max(1, round(settings.orders.escalate_after.total_seconds() / 3600)),
            # In-process NLU: turns are CPU-bound; a few at once keep bursts from
            # turning into a convoy (open loop at 300/s: p99 106-158 -> 14-48 ms).
            max_concurrent_turns=4 if settings.nlu.backend == "builtin" else None,
            today=date.today,
        ),
    )
    # What start-up built (NLU model, SQLAlchemy metadata, catalogs, routes) lives as
    # long as the process: keep it out of the collector, whose full passes over it
    # took 35-60 ms and made the slowest replies under load.
    gc.freeze()
    return engine
