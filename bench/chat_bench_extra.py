"""bench/chat_bench.py's other figures: a fresh PostgreSQL database and the cold start."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432"


async def _admin(statement: str) -> None:
    import asyncpg

    conn = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A new, empty database on the local server, dropped afterwards; yields its URL."""
    name = f"bench_{uuid.uuid4().hex[:10]}"
    asyncio.run(_admin(f"CREATE DATABASE {name}"))
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        asyncio.run(_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _healthy(url: str, process: subprocess.Popen[bytes], limit_s: float) -> bool:
    deadline = time.perf_counter() + limit_s
    async with aiohttp.ClientSession() as http:
        while time.perf_counter() < deadline and process.poll() is None:
            try:
                async with http.get(url) as response:
                    if response.status == 200:
                        return True
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.01)
    return False


def cold_start(db_url: str, log: Path) -> tuple[float, float]:
    """Seconds from spawning ``python -m bot`` to a healthy /healthz, and its RSS in MiB.

    The database already exists (migrated and seeded) and the NLU model is cached.
    """
    port = free_port()
    env = {
        **os.environ,
        "OCOPBOT_DATABASE__URL": db_url,
        "OCOPBOT_WEB__PORT": str(port),
        "OCOPBOT_NLU__MODEL_DIR": str(ROOT / "data" / "nlu-model"),
    }
    for key in ("OCOPBOT_TELEGRAM__TOKEN", "OCOPBOT_ZALO_BOT__TOKEN", "OCOPBOT_REDIS__URL"):
        env.pop(key, None)
    started = time.perf_counter()
    with log.open("a") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env, stdout=err, stderr=err
        )
    try:
        ok = asyncio.run(_healthy(f"http://127.0.0.1:{port}/healthz", process, 30.0))
        elapsed = time.perf_counter() - started
        rss = psutil.Process(process.pid).memory_info().rss / 2**20 if ok else float("nan")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return (elapsed if ok else float("nan")), rss
