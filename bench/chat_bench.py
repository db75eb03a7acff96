"""Web chat throughput and latency on loopback, real engine against the scripted one.

Every server runs in a child process; this process is the load generator. In one run:

1. the scripted engine (answers at once: the web transport alone), closed loop;
2. the real engine on a fresh SQLite file: closed loop (``--concurrency`` visitors back to
   back: its capacity), then the open loop at 70 % of that capacity (the latency a visitor
   sees at a steady load; target p99 <= 50 ms, 0 errors) and its serving memory;
3. with ``--postgres``: the same on a fresh PostgreSQL database on 127.0.0.1;
4. with ``--scaleout``: one, then two processes on PostgreSQL + Redis behind this one
   load generator (throughput per process), each with the CPU seconds the servers, the
   generator, PostgreSQL, Redis and the rest of the machine used meanwhile, and the gain
   the cores would allow at that CPU cost per message (bench/chat_bench_cpu.py);
5. the cold start of ``python -m bot`` to a healthy /healthz on the SQLite file of step 2.

The message mix (bench/chat_bench_mix.py) is short conversations: product questions,
searches, shops, tourism, events and whole checkouts. Other work on the machine skews
absolute numbers: the same-run ratios are the figures to compare across machines.
Usage: ``.venv/bin/python bench/chat_bench.py [--postgres] [--scaleout] [--seconds S]``.
The per-session rate limit is raised in the server: this measures throughput, not throttling.

Each server starts in a session of its own, as a service would: Linux shares the CPU fairly
between sessions first (autogroup), so servers in the generator's session would split one
session's share on a busy machine and a second server could add nothing. The visitors use a
lean HTTP client (``--client aiohttp`` for the former one) to leave the cores to the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import psutil
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chat_bench_cpu import CpuMeter  # noqa: E402
from chat_bench_extra import cold_start, fresh_postgres  # noqa: E402
from chat_bench_load import CLIENTS, PeakRss, closed_loop, open_loop, report  # noqa: E402
from chat_bench_scaleout import ceiling, scale_out  # noqa: E402
from chat_bench_servers import load, start_server, stop  # noqa: E402

from bot.core.messages import Button, IncomingMessage, Reply  # noqa: E402

logger = logging.getLogger(__name__)
OPEN_SHARE = 0.7  # the open loop's rate, as a share of the closed loop's


class EchoEngine:
    """A stand-in engine that answers at once (measures the channel alone)."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Answers with one reply and one button."""
        return [Reply(f"Bạn nói: {msg.text}", buttons=(Button("Xem thêm", "more"),))]


@asynccontextmanager
async def engine_and_db(
    engine_kind: str, db_url: str, turn_log: bool = True, redis_url: str | None = None
) -> AsyncIterator[tuple[Any, Any, Any]]:
    """The real engine (migrated and seeded database, optional Redis), or the echo."""
    from bot.config import DatabaseSettings, NluSettings, RedisSettings, Settings

    settings = Settings(
        database=DatabaseSettings(url=db_url),
        nlu=NluSettings(model_dir=ROOT / "data" / "nlu-model"),
        redis=RedisSettings(url=redis_url, prefix=f"bench-{os.getppid()}"),
    )
    if engine_kind == "real":
        from bot.runtime import open_runtime  # the composition root's own wiring

        async with open_runtime(settings) as runtime, runtime.background():
            if not turn_log:  # the reference: no console transcript/analytics rows per turn
                runtime.engine._observer = None
            yield runtime.engine, runtime.db, runtime
        return
    from catalog.db import make_engine, upgrade

    db = make_engine(settings.database.url)
    await upgrade(db)
    try:
        yield EchoEngine(), db, None
    finally:
        await db.dispose()


async def serve(
    engine_kind: str, db_url: str, turn_log: bool = True, redis_url: str | None = None
) -> None:
    """Child process: runs the web chat on a free loopback port, prints it, stops at EOF."""
    from bot.channels.web import SqlSessionStore, WebChannel
    from bot.config import WebSettings

    web_settings = WebSettings(port=0, rate_per_minute=1_000_000, sessions_per_minute=1_000_000)
    wired = engine_and_db(engine_kind, db_url, turn_log, redis_url)
    async with wired as (engine, db, runtime):
        app = web.Application()
        if runtime is not None:  # the real engine: the web chat exactly as `python -m bot`
            from bot.app import start_channels  # builds it (history, mailbox, sessions)
            from bot.config import RedisSettings, Settings

            prefix = f"bench-{os.getppid()}"  # the same keys as the runtime's stores
            same = Settings(web=web_settings, redis=RedisSettings(url=redis_url, prefix=prefix))
            await start_channels(same, runtime, app)
        else:
            WebChannel(engine, web_settings, SqlSessionStore(db)).setup(app)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(f"READY {runner.addresses[0][1]}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await runner.cleanup()


def measure(
    args: argparse.Namespace, engine: str, db_url: str, log: Path, open_too: bool = True
) -> dict[str, Any]:
    """Warm-up, closed loop, then the open loop at 70 % of the closed loop's rate."""
    server, base = start_server(args, engine, db_url, log)
    client = CLIENTS[args.client]
    try:
        ready = psutil.Process(server.pid).memory_info().rss
        with PeakRss(server.pid) as rss:
            asyncio.run(closed_loop([base], args.concurrency, 300, 10, client))
            loop = closed_loop([base], args.concurrency, args.messages, args.seconds, client)
            database = db_url.rsplit("/", 1)[-1] if db_url.startswith("postgresql") else None
            with CpuMeter([server.pid], database=database) as meter:
                closed = asyncio.run(loop)
            closed["load"] = load()
            closed["cpu"] = meter.line(closed["ok"])
            opened = None
            if open_too:
                rate = OPEN_SHARE * closed["rate"]
                opened = asyncio.run(
                    open_loop(base, rate, args.messages, args.seconds, args.visitors, client)
                )
                opened |= {"target": rate, "load": load()}
            serving = psutil.Process(server.pid).memory_info().rss
    finally:
        stop(server)
    return {"closed": closed, "open": opened, "peak": rss.peak, "rss": serving, "ready": ready}


def served(result: dict[str, Any]) -> int:
    """Messages answered by one measure() server: warm-up, closed and open loops."""
    return 300 + result["closed"]["ok"] + (result["open"] or {}).get("ok", 0)


def show(name: str, result: dict[str, Any]) -> None:
    report(name, result)
    print(f"{'':<30}({result['load']})")
    if isinstance(result.get("cpu"), str):  # the closed loop's CPU: server, generator, databases
        print(f"{'':<30}{result['cpu']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=6000, help="cap per phase")
    parser.add_argument("--seconds", type=float, default=10.0, help="time cap per phase")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--visitors", type=int, default=200, help="sessions in the open loop")
    parser.add_argument("--postgres", action="store_true", help="also on a fresh PostgreSQL db")
    parser.add_argument("--scaleout", action="store_true", help="1 and 2 processes, PG + Redis")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument(
        "--client", choices=sorted(CLIENTS), default="lean", help="the visitors' HTTP client"
    )
    parser.add_argument(
        "--without-turn-log",
        action="store_true",
        help="real engine without the console's per-turn transcript and analytics writes",
    )
    parser.add_argument("--engine", choices=["fake", "real"], help=argparse.SUPPRESS)
    parser.add_argument("--serve", metavar="DB_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        logging.basicConfig(level=logging.WARNING)
        serve_redis = args.redis_url if "--redis-url" in sys.argv else None
        asyncio.run(serve(args.engine, args.serve, not args.without_turn_log, serve_redis))
        return 0
    print(f"{os.cpu_count()} CPUs, {load()} at the start")
    with tempfile.TemporaryDirectory() as db_dir:
        log = Path(db_dir) / "server.log"
        sqlite = f"sqlite+aiosqlite:///{db_dir}/bench.db"
        scripted = measure(args, "fake", f"sqlite+aiosqlite:///{db_dir}/echo.db", log, False)
        show("scripted engine, closed", scripted["closed"])
        real = measure(args, "real", sqlite, log)
        show("real engine SQLite, closed", real["closed"])
        show(f"open at {real['open']['target']:.0f}/s (70 %)", real["open"])
        ratio = real["closed"]["rate"] / scripted["closed"]["rate"]
        print(f"real/scripted throughput: {ratio:.1%} (target >= 40 %)")
        print(
            f"serving RSS {real['rss'] / 2**20:.1f} MiB, peak {real['peak'] / 2**20:.1f} MiB "
            f"({real['ready'] / 2**20:.1f} MiB when ready, ~{served(real)} messages since; "
            "target <= 143 MiB)"
        )
        if args.postgres:
            with fresh_postgres() as url:
                pg = measure(args, "real", url, log)
            show("real engine PostgreSQL, closed", pg["closed"])
            show(f"open at {pg['open']['target']:.0f}/s (70 %)", pg["open"])
            share = pg["closed"]["rate"] / real["closed"]["rate"]
            print(f"PostgreSQL/SQLite throughput: {share:.1%} (target >= 70 %)")
        if args.scaleout:
            with fresh_postgres() as url:
                one, two = scale_out(args, url, log)
            for name, result in (("PG + Redis, 1 process", one), ("PG + Redis, 2 processes", two)):
                show(name, result)
                print(f"{'':<30}{result['cpu'].line(result['ok'])}")
            gain = two["rate"] / one["rate"]
            print(f"per process: {two['rate'] / 2:.1f} msg/s; 2 vs 1: {gain:.2f}x (>= 1.6x)")
            print(ceiling(one["cpu"], one["ok"]))
        seconds, rss = cold_start(sqlite, log)
        print(f"cold start to /healthz: {seconds:.2f} s, RSS {rss:.1f} MiB ({load()})")
        errors = log.read_text(errors="replace").count("ERROR")
        print(f"server log: {errors} ERROR lines")
        if errors:
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
