"""Web chat throughput and latency on loopback: messages/s, p50/p99, server peak memory.

The server runs in a child process; this process is the load generator. Two phases, each
bounded by a message count and a time limit:

1. closed loop: ``--concurrency`` visitors send back to back (the most the server takes);
2. open loop: messages arrive at ``--rate`` per second from many visitors (the latency a
   visitor sees at that load; the target is p99 <= 50 ms at 300 messages/s).

Usage: ``.venv/bin/python bench/chat_bench.py [--engine fake|real] [--messages N] ...``.
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

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chat_bench_load import PeakRss, closed_loop, open_loop, report  # noqa: E402

from bot.core.messages import Button, IncomingMessage, Reply  # noqa: E402

logger = logging.getLogger(__name__)


class EchoEngine:
    """A stand-in engine that answers at once (measures the channel alone)."""

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Answers with one reply and one button."""
        return [Reply(f"Bạn nói: {msg.text}", buttons=(Button("Xem thêm", "more"),))]


@asynccontextmanager
async def engine_and_db(
    engine_kind: str, db_url: str, turn_log: bool = True
) -> AsyncIterator[tuple[Any, Any, Any]]:
    """The real engine on the embedded default (SQLite, migrated and seeded), or the echo."""
    from bot.config import DatabaseSettings, NluSettings, Settings

    settings = Settings(
        database=DatabaseSettings(url=db_url),
        nlu=NluSettings(model_dir=ROOT / "data" / "nlu-model"),
    )
    if engine_kind == "real":
        from bot.runtime import open_runtime  # the composition root's own wiring

        async with open_runtime(settings) as runtime:
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


async def serve(engine_kind: str, db_url: str, turn_log: bool = True) -> None:
    """Child process: runs the web chat on a free loopback port, prints it, stops at EOF."""
    from bot.channels.web import SqlSessionStore, WebChannel
    from bot.config import WebSettings

    web_settings = WebSettings(port=0, rate_per_minute=1_000_000, sessions_per_minute=1_000_000)
    async with engine_and_db(engine_kind, db_url, turn_log) as (engine, db, add_channel):
        app = web.Application()
        channel = WebChannel(engine, web_settings, SqlSessionStore(db))
        channel.setup(app)
        if add_channel is not None:
            add_channel(channel)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        print(f"READY {runner.addresses[0][1]}", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await runner.cleanup()


def run_phases(server: subprocess.Popen[str], args: argparse.Namespace) -> tuple | None:
    """Warm-up, closed loop and open loop against a started server, watching its memory."""
    assert server.stdout is not None
    ready = server.stdout.readline().split()
    if not ready or ready[0] != "READY":
        return None
    base = f"http://127.0.0.1:{ready[1]}"
    with PeakRss(server.pid) as rss:
        warm = asyncio.run(closed_loop(base, args.concurrency, 200, 10))
        closed = asyncio.run(closed_loop(base, args.concurrency, args.messages, args.seconds))
        opened = asyncio.run(
            open_loop(base, args.rate, args.messages, args.seconds, args.visitors)
        )
    return warm, closed, opened, rss.peak


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["fake", "real"], default="real")
    parser.add_argument("--messages", type=int, default=3000, help="cap per phase")
    parser.add_argument("--seconds", type=float, default=20.0, help="time cap per phase")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rate", type=float, default=300.0)
    parser.add_argument("--visitors", type=int, default=100, help="sessions in the open loop")
    parser.add_argument(
        "--database-url", help="default: a fresh SQLite file (the embedded default)"
    )
    parser.add_argument(
        "--without-turn-log",
        action="store_true",
        help="real engine without the console's per-turn transcript and analytics writes",
    )
    parser.add_argument("--serve", metavar="DB_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        logging.basicConfig(level=logging.WARNING)
        asyncio.run(serve(args.engine, args.serve, not args.without_turn_log))
        return 0
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as db_dir:
        log_path = Path(db_dir) / "server.log"
        db_url = args.database_url or f"sqlite+aiosqlite:///{db_dir}/bench.db"
        command = [sys.executable, __file__, "--engine", args.engine, "--serve", db_url]
        command += ["--without-turn-log"] if args.without_turn_log else []
        with log_path.open("w") as log:
            server = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True
            )
            try:
                results = run_phases(server, args)
            finally:
                stop(server)
        server_errors = log_path.read_text(errors="replace").count("ERROR")
    if results is None:
        print("the server did not start", file=sys.stderr)
        return 1
    _warm, closed, opened, peak = results
    where = args.database_url.split("@")[-1] if args.database_url else "SQLite file"
    log_note = " without the console's turn log" if args.without_turn_log else ""
    print(f"engine: {args.engine}{log_note} on {where}; server errors {server_errors}")
    # Other work on the machine skews every number: show how busy it was.
    load = ", ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(load_before, os.getloadavg(), strict=True))
    print(f"load average (1/5/15 min) before/after: {load} on {os.cpu_count()} CPUs")
    report(f"closed loop, {args.concurrency} visitors", closed)
    report(f"open loop at {args.rate:g}/s", opened)
    print(f"server peak RSS: {peak / 2**20:.1f} MiB")
    met = opened["rate"] >= 0.97 * args.rate and opened["p99"] <= 50 and not opened["errors"]
    verdict = "met" if met and args.rate >= 300 else "NOT met"
    print(f"target (>= 300 msg/s, p99 <= 50 ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
