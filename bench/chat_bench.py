"""Web chat throughput and latency on loopback, real engine against the scripted one.

Every server runs in a child process; this process is the load generator. In one run:

1. the scripted engine (answers at once: the web transport alone), closed loop;
2. the real engine on a fresh SQLite file: closed loop (``--concurrency`` visitors back to
   back: its capacity), then the open loop at 70 % of that capacity (the latency a visitor
   sees at a steady load; target p99 <= 50 ms, 0 errors) and its serving memory;
3. with ``--postgres``: the same on a fresh PostgreSQL database on 127.0.0.1;
4. with ``--scaleout``: one, then two processes on PostgreSQL + Redis behind this one
   load generator (throughput per process);
5. the cold start of ``python -m bot`` to a healthy /healthz on the SQLite file of step 2.

The message mix (bench/chat_bench_mix.py) is short conversations: product questions,
searches, shops, tourism, events and whole checkouts. Other work on the machine skews
absolute numbers: the same-run ratios are the figures to compare across machines.
Usage: ``.venv/bin/python bench/chat_bench.py [--postgres] [--scaleout] [--seconds S]``.
The per-session rate limit is raised in the server: this measures throughput, not throttling.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import subprocess
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

from chat_bench_extra import cold_start, fresh_postgres  # noqa: E402
from chat_bench_load import PeakRss, closed_loop, open_loop, report  # noqa: E402

from bot.core.messages import Button, IncomingMessage, Reply  # noqa: E402

logger = logging.getLogger(__name__)
OPEN_SHARE = 0.7  # the open loop's rate, as a share of the closed loop's


class EchoEngine:
    """A stand-in engine that answers at once (measures the channel alone)."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Answers with one reply and one button."""
        return [Reply(f"Bạn nói: {msg.text}", buttons=(Button("Xem thêm", "more"),))]


class UnkeptTranscript:
    """The web page's history, not kept (the real engine's server).

    ``python -m bot`` keeps it in the database, not in memory, so the serving RSS must not
    count it: WebChannel's in-memory default held ~1.4 KiB a line for every bench visitor
    (~17 MiB at 12,000 messages). Writing it to the database (SqlTranscript) costs about
    2.5-3 ms of server CPU a message; the bench leaves that out, as it always has.
    """

    async def append(self, chat_id: str, entries: list[dict[str, Any]]) -> None:
        """Forgets the lines at once."""

    async def read(self, chat_id: str) -> list[dict[str, Any]]:
        """No history."""
        return []


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
            yield runtime.engine, runtime.db, runtime.add_channel
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
    async with wired as (engine, db, add_channel):
        app = web.Application()
        transcript = UnkeptTranscript() if engine_kind == "real" else None
        channel = WebChannel(engine, web_settings, SqlSessionStore(db), transcript=transcript)
        channel.setup(app)
        if add_channel is not None:
            add_channel(channel)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(f"READY {runner.addresses[0][1]}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await runner.cleanup()


def start_server(
    args: argparse.Namespace, engine: str, db_url: str, log: Path, redis_url: str | None = None
) -> tuple[subprocess.Popen[str], str]:
    """Starts one server child; returns it and its base URL."""
    command = [sys.executable, __file__, "--engine", engine, "--serve", db_url]
    command += ["--redis-url", redis_url] if redis_url else []
    command += ["--without-turn-log"] if args.without_turn_log else []
    with log.open("a") as err:
        server = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True
        )
    assert server.stdout is not None
    ready = server.stdout.readline().split()
    if not ready or ready[0] != "READY":
        stop(server)
        raise RuntimeError(f"the {engine} server on {db_url} did not start (see {log})")
    return server, f"http://127.0.0.1:{ready[1]}"


def stop(server: subprocess.Popen[str]) -> None:
    """Asks the server to stop (stdin EOF); an overloaded one still busy is terminated."""
    if server.stdin:
        server.stdin.close()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def load() -> str:
    return "load " + "/".join(f"{a:.2f}" for a in os.getloadavg())


def measure(
    args: argparse.Namespace, engine: str, db_url: str, log: Path, open_too: bool = True
) -> dict[str, Any]:
    """Warm-up, closed loop, then the open loop at 70 % of the closed loop's rate."""
    server, base = start_server(args, engine, db_url, log)
    try:
        ready = psutil.Process(server.pid).memory_info().rss
        with PeakRss(server.pid) as rss:
            asyncio.run(closed_loop([base], args.concurrency, 300, 10))
            loop = closed_loop([base], args.concurrency, args.messages, args.seconds)
            closed = asyncio.run(loop)
            closed["load"] = load()
            opened = None
            if open_too:
                rate = OPEN_SHARE * closed["rate"]
                opened = asyncio.run(
                    open_loop(base, rate, args.messages, args.seconds, args.visitors)
                )
                opened |= {"target": rate, "load": load()}
            serving = psutil.Process(server.pid).memory_info().rss
    finally:
        stop(server)
    return {"closed": closed, "open": opened, "peak": rss.peak, "rss": serving, "ready": ready}


def scale_out(args: argparse.Namespace, db_url: str, log: Path) -> tuple[dict, dict]:
    """One, then two real servers on PostgreSQL + Redis, the closed loop over all of them."""
    results = []
    for count in (1, 2):
        started = []
        try:
            for _ in range(count):  # one after the other: the first one migrates
                started.append(start_server(args, "real", db_url, log, args.redis_url))
            bases = [base for _, base in started]
            asyncio.run(closed_loop(bases, args.concurrency * count, 300, 10))
            result = asyncio.run(
                closed_loop(bases, args.concurrency * count, args.messages, args.seconds)
            )
            results.append(result | {"load": load()})
        finally:
            for server, _ in started:
                stop(server)
    return results[0], results[1]


def served(result: dict[str, Any]) -> int:
    """Messages answered by one measure() server: warm-up, closed and open loops."""
    return 300 + result["closed"]["ok"] + (result["open"] or {}).get("ok", 0)


def show(name: str, result: dict[str, Any]) -> None:
    report(name, result)
    print(f"{'':<30}({result['load']})")


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
            show("PG + Redis, 1 process", one)
            show("PG + Redis, 2 processes", two)
            gain = two["rate"] / one["rate"]
            print(f"per process: {two['rate'] / 2:.1f} msg/s; 2 vs 1: {gain:.2f}x (>= 1.6x)")
        seconds, rss = cold_start(sqlite, log)
        print(f"cold start to /healthz: {seconds:.2f} s, RSS {rss:.1f} MiB ({load()})")
        errors = log.read_text(errors="replace").count("ERROR")
        print(f"server log: {errors} ERROR lines")
        if errors:
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
