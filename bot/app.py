"""The bot's commands: serve every enabled channel, chat in the terminal, operator tasks."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web

from bot.admin_cli import AdminError
from bot.config import Settings
from bot.runtime import Runtime, Sessions, StartupProblem, open_database, open_runtime


async def upgrade_database(settings: Settings) -> None:
    """Applies every migration and, on an empty catalog, loads the seed."""
    async with open_database(settings):
        pass


AdminCall = Callable[[Sessions], Awaitable[str]]


async def admin(settings: Settings, call: AdminCall) -> int:
    """Runs one operator command on the migrated database and prints its answer."""
    async with open_database(settings) as (_db, sessions):
        try:
            print(await call(sessions))
        except AdminError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
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
    async with open_runtime(settings) as runtime:
        app = web.Application(client_max_size=settings.web.max_body_bytes)
        app.router.add_get("/healthz", healthz)
        started = await start_channels(settings, runtime, app)
        if settings.admin.enabled:
            mount_console(settings, runtime, app)
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, settings.web.host, settings.web.port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            for channel_ in started:
                await channel_.stop()
            where = f"{settings.web.host}:{settings.web.port}"
            raise StartupProblem(
                f"cannot listen on {where} ({exc.strerror or exc}); "
                "is another ocopbot running? (web.port / OCOPBOT_WEB__PORT)"
            ) from None
        print(f"ocopbot is running: web chat at {address(runner, settings)}", flush=True)
        if settings.admin.enabled:
            await announce_console(runtime, address(runner, settings))
        try:
            async with runtime.background():
                await wait_for_stop()
        finally:
            print("ocopbot: shutting down", flush=True)
            for channel_ in started:
                await channel_.stop()
            await runner.cleanup()
    return 0


class StartedChannel(Protocol):
    """A channel with background work (polling, webhooks) that must stop at shutdown."""

    async def stop(self) -> None: ...


async def start_channels(
    settings: Settings, runtime: Runtime, app: web.Application
) -> list[StartedChannel]:
    """Mounts the web chat and starts each channel whose credentials are set."""
    from bot.channels.inbox import WebhookInbox
    from bot.channels.web import SqlSessionStore, SqlTranscript, WebChannel
    from bot.channels.web.mailbox import Mailbox
    from bot.channels.web.sql_mailbox import SqlMailbox

    inbox = WebhookInbox(runtime.sessions)  # webhook updates are recorded before the 200
    started: list[StartedChannel] = []
    if settings.web.enabled:
        # Pushes wait in the database (or Redis) until a poll takes them: never in memory.
        mailbox: Mailbox = SqlMailbox(runtime.db)
        if runtime.redis is not None:  # a push from any process reaches any process's poll
            from bot.channels.web.redis_mailbox import RedisMailbox

            mailbox = RedisMailbox(runtime.redis, prefix=f"{settings.redis.prefix}:web")
        sessions = SqlSessionStore(runtime.db)
        transcript = SqlTranscript(runtime.db)
        channel = WebChannel(
            runtime.engine, settings.web, sessions, mailbox=mailbox, transcript=transcript
        )
        channel.setup(app)
        runtime.add_channel(channel)
    if settings.telegram.token is not None:
        from bot.channels.telegram import TelegramChannel
        from bot.chat_moves import ChatMoves

        moves = ChatMoves(runtime.sessions)
        telegram = TelegramChannel(
            settings.telegram, runtime.engine, chat_moved=moves, inbox=inbox
        )
        await telegram.start(app)
        runtime.add_channel(telegram)
        started.append(telegram)
    if settings.zalo_bot.token is not None:
        from bot.channels.zalo_bot import ZaloBotChannel

        zalo_bot = ZaloBotChannel(settings.zalo_bot, runtime.engine, inbox=inbox)
        await zalo_bot.start(app)
        runtime.add_channel(zalo_bot)
        started.append(zalo_bot)
    if settings.zalo_oa.app_id and settings.zalo_oa.secret_key is not None:
        from bot.channels.zalo_oa import SqlTokenStore, ZaloOAChannel

        store = SqlTokenStore(runtime.sessions)
        zalo_oa = ZaloOAChannel(settings.zalo_oa, runtime.engine, store, inbox=inbox)
        await zalo_oa.start(app)
        runtime.add_channel(zalo_oa)
        started.append(zalo_oa)
    from bot.payments_webhook import PaymentWebhooks  # bank notifications (issue 16)

    PaymentWebhooks(settings.payments, runtime.sessions, runtime.policy).setup(app)
    return started


def mount_console(settings: Settings, runtime: Runtime, app: web.Application) -> None:
    """Serves the operator console at /admin (on by default)."""
    from bot.admin import AdminConsole, AdminContext

    telegram = runtime.channels.get("telegram")
    ctx = AdminContext(
        runtime.sessions,
        runtime.i18n,
        runtime.policy,
        settings.admin,
        bot_username=lambda: getattr(telegram, "username", None),
    )
    AdminConsole(ctx).setup(app)


async def announce_console(runtime: Runtime, base: str) -> None:
    """Prints where the console is, and how to create the first account when none exists."""
    from catalog.console import OperatorAccounts

    async with runtime.sessions() as session:
        ready = await OperatorAccounts(session).any_active()
    if ready:
        print(f"operator console at {base}admin/", flush=True)
    else:
        print(
            "operator console: no account yet; create one with "
            f"`python -m bot operators add EMAIL --role admin`, then open {base}admin/",
            flush=True,
        )


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
