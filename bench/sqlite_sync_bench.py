"""SQLite durability cost: order commits with synchronous=FULL (the default) vs NORMAL.

Both runs use the write-ahead log on a database file, place the same orders one commit at a
time (as a customer's "Xác nhận" does) and print commits/s with p50/p99 latency.

Usage: .venv/bin/python bench/sqlite_sync_bench.py [--orders 300] [--dir /var/tmp]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import event  # noqa: E402

from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade  # noqa: E402
from catalog.orders import (  # noqa: E402
    CartLine,
    Contact,
    Customer,
    Delivery,
    OrderPolicy,
    OrderService,
)


async def run(directory: Path, mode: str, orders: int) -> list[float]:
    path = directory / f"sync-{mode.lower()}.db"
    for stale in directory.glob(f"{path.name}*"):
        stale.unlink()
    engine = make_engine(f"sqlite+aiosqlite:///{path}")

    def synchronous(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA synchronous={mode}")
        cursor.close()

    event.listen(engine.sync_engine, "connect", synchronous)  # after the engine's own pragmas
    try:
        await upgrade(engine)
        sessions = make_session_factory(engine)
        await seed_if_empty(sessions)
        policy = OrderPolicy(operator="telegram:900")
        took: list[float] = []
        for n in range(orders):
            started = time.perf_counter()
            async with sessions() as session, session.begin():
                await OrderService(session, policy=policy).place(
                    Customer(f"web:bench{n}"),
                    [CartLine("nuoc-mam-cai-rong", 1)],
                    Contact("An", "0912345678"),
                    Delivery("delivery", address="Hạ Long"),
                    None,
                    f"bench-{n}",
                )
            took.append(time.perf_counter() - started)
        return took
    finally:
        await engine.dispose()


def summary(mode: str, took: list[float]) -> str:
    ms = sorted(t * 1000 for t in took)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    rate = len(ms) / sum(took)
    p50 = statistics.median(ms)
    return f"synchronous={mode:<6} {rate:7.0f} orders/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None, help="where the files go (a real disk)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        results = {}
        for mode in ("NORMAL", "FULL", "NORMAL", "FULL"):  # interleaved: a fair warm-up
            results[mode] = await run(Path(tmp), mode, args.orders)
        print(
            f"{args.orders} order commits each, WAL, files in {args.dir or tempfile.gettempdir()}"
        )
        for mode, took in results.items():
            print(summary(mode, took))


if __name__ == "__main__":
    asyncio.run(main())
