"""CPU and SQL statements of the checkout's "[Xác nhận]" click, in process.

Plays the two checkouts of the bench's message mix (bench/chat_bench_mix.py: two bottles of
fish sauce delivered home, one jar of oyster floss picked up at a centre) through the real
engine as `python -m bot` wires it, each in a chat of its own, and prints per confirm click:

- the turn's CPU (the whole turn: opening read, handler, state, commit) and its statements;
- the placement's CPU: what the confirm handler calls (the payment question, OrderService.place,
  the reply, the payment rows), without the engine's own work;
- an ordinary turn's CPU (the other steps of the same checkouts), for scale.

Usage: ``.venv/bin/python bench/placement_bench.py [--orders 200] [--db-url URL]
[--operator telegram:900]`` (a fresh SQLite file by default; a PostgreSQL URL must name an
empty database; as in the mix, no operator is set unless given, so no ping is queued).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from chat_bench_mix import CONVERSATIONS  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bot.core.messages import IncomingMessage, Reply  # noqa: E402

CHECKOUTS = [steps for steps in CONVERSATIONS if steps[-1] == "[Xác nhận]"]


class Meter:
    """CPU seconds spent inside the wrapped coroutines (the outermost call counts once)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0

    def wrap(self, owner: Any, name: str) -> None:
        original: Callable[..., Awaitable[Any]] = getattr(owner, name)

        @functools.wraps(original)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            started = time.process_time()
            try:
                return await original(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.seconds += time.process_time() - started

        setattr(owner, name, timed)


def placement_meter() -> Meter:
    """Times what the confirm handler calls besides the engine (see the module docstring)."""
    from bot.handlers.checkout import confirm
    from bot.handlers.payments import checkout_step
    from catalog.orders import OrderService

    meter = Meter()
    meter.wrap(checkout_step, "ask_payment")
    meter.wrap(OrderService, "place")
    meter.wrap(confirm, "placed_reply")
    meter.wrap(checkout_step, "after_placing")
    return meter


class Statements:
    """Counts the statements the database engine runs while ``on``."""

    def __init__(self, db: Any) -> None:
        self.on = False
        self.count = 0
        self.seen: list[str] = []
        event.listen(db.sync_engine, "before_cursor_execute", self._count)

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.on:
            self.count += 1
            self.seen.append(" ".join(statement.split()[:4]))


async def play(engine: Any, chat: str, steps: list[str], confirm: Any) -> Reply | None:
    """Plays one checkout; ``confirm`` wraps the last step. Returns the placed reply."""
    replies: list[Reply] = []
    for n, said in enumerate(steps):
        if said.startswith("["):
            title = said[1:-1].casefold()
            found = [b.payload for r in replies for b in r.buttons if title in b.title.casefold()]
            if not found:
                raise SystemExit(f"{chat}: no button {said} after {steps[n - 1]!r}")
            fields: dict[str, Any] = {"payload": found[0]}
        else:
            fields = {"text": said}
        msg = IncomingMessage("web", chat, chat, uuid.uuid4().hex, **fields)
        replies = await confirm(engine.handle(msg), n == len(steps) - 1)
    return replies[0] if replies else None


def ms(values: list[float]) -> str:
    mean, p50 = statistics.fmean(values) * 1000, statistics.median(values) * 1000
    return f"mean {mean:5.2f} ms, p50 {p50:5.2f} ms"


class Recorder:
    """Measures each turn of one checkout, the confirm click apart."""

    def __init__(self, statements: Statements, meter: Meter) -> None:
        self.statements, self.meter = statements, meter
        self.measuring = False
        self.turns: list[float] = []
        self.placing: list[float] = []
        self.other: list[float] = []
        self.counts: list[int] = []
        self.shapes: list[str] = []

    async def __call__(self, work: Awaitable[list[Reply]], last: bool) -> list[Reply]:
        statements = self.statements
        statements.on, statements.count, statements.seen = last, 0, []
        self.meter.seconds = 0.0
        started = time.process_time()
        replies = await work
        took = time.process_time() - started
        statements.on = False
        if self.measuring:
            (self.turns if last else self.other).append(took)
            if last:
                self.placing.append(self.meter.seconds)
                self.counts.append(statements.count)
                self.shapes = statements.seen
        return replies

    def show(self) -> None:
        print(f"  confirm turn   CPU {ms(self.turns)}")
        print(f"  placement part CPU {ms(self.placing)}")
        print(f"  ordinary turn  CPU {ms(self.other)}")
        print(f"  statements per confirm turn: {statistics.fmean(self.counts):.1f}")
        print("   ", "; ".join(self.shapes))


async def run(db_url: str, orders: int, warmup: int, operator: str | None) -> None:
    from bot.config import DatabaseSettings, NluSettings, OrdersSettings, Settings
    from bot.runtime import open_runtime

    settings = Settings(
        database=DatabaseSettings(url=db_url),
        nlu=NluSettings(model_dir=ROOT / "data" / "nlu-model"),
        orders=OrdersSettings(operator=operator),
    )
    async with open_runtime(settings) as runtime:
        statements = Statements(runtime.db)
        meter = placement_meter()
        for steps in CHECKOUTS:
            recorder = Recorder(statements, meter)
            reply = None
            for i in range(warmup + orders):
                recorder.measuring = i >= warmup
                chat = f"bench-{uuid.uuid4().hex[:10]}"
                reply = await play(runtime.engine, chat, steps, recorder)
            print(f"{steps[0]!r} ({len(steps)} steps, {orders} orders after {warmup} warm-up):")
            recorder.show()
            print(f"  last reply: {(reply.text if reply else '').splitlines()[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200, help="measured orders per checkout")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--db-url", help="an empty database (default: a fresh SQLite file)")
    parser.add_argument(
        "--operator", help="orders.operator (e.g. telegram:900): every order pings it"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the per-order "nobody to answer" warning
    with tempfile.TemporaryDirectory() as directory:
        url = args.db_url or f"sqlite+aiosqlite:///{directory}/placement.db"
        asyncio.run(run(url, args.orders, args.warmup, args.operator))


if __name__ == "__main__":
    main()
