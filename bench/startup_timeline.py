"""Where the start of ``python -m bot serve`` goes: imports, then each start-up step, and RSS.

Runs the real ``serve`` command in this process on an existing database (migrate one first
with ``python -m bot db upgrade``), times the composition root's steps by wrapping them, and
stops as soon as the web server listens (where /healthz would answer). Import times per
package: ``python -X importtime -m bot serve``; this script gives the one figure and the
runtime steps after it. Other work on the machine inflates every figure: the load average
is printed with them.

Usage: ``OCOPBOT_DATABASE__URL=sqlite+aiosqlite:///./data/ocopbot.db
.venv/bin/python bench/startup_timeline.py``.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

import bot.__main__ as cli  # noqa: E402
from bot import app, runtime  # noqa: E402

IMPORTED = time.perf_counter()
HEAVY = ("openpyxl", "alembic", "mako", "pygments", "redis", "asyncpg", "aiogram", "sklearn")
Steps = list[tuple[str, float]]


def timed(owner: Any, name: str, steps: Steps) -> None:
    """Replaces ``owner.name`` with a wrapper that appends (name, seconds) to ``steps``."""
    original: Callable[..., Any] = getattr(owner, name)
    if inspect.iscoroutinefunction(original):

        @functools.wraps(original)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                steps.append((name, time.perf_counter() - started))

    else:

        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                steps.append((name, time.perf_counter() - started))

    setattr(owner, name, wrapper)


def main() -> int:
    steps: Steps = []
    for name in ("upgrade", "seed_if_empty", "warn_waiting_orders", "build_nlu"):
        timed(runtime, name, steps)
    timed(runtime.CatalogService, "gazetteer", steps)
    timed(runtime.Interpreter, "load", steps)
    for name in ("start_channels", "mount_console", "announce_console"):
        timed(app, name, steps)
    ready: dict[str, float] = {}

    async def stop_at_once() -> None:  # the server listens: this is where /healthz answers
        ready["at"] = time.perf_counter() - STARTED
        ready["rss"] = psutil.Process().memory_info().rss / 2**20

    app.wait_for_stop = stop_at_once  # type: ignore[assignment]
    os.environ.setdefault("OCOPBOT_WEB__PORT", "0")
    code = cli.main(["serve"])
    if code != 0 or not ready:
        print(f"the bot did not start (exit {code})", file=sys.stderr)
        return 1
    load = "/".join(f"{a:.2f}" for a in os.getloadavg())
    print(f"imports                {IMPORTED - STARTED:6.3f} s")
    for name, seconds in steps:
        print(f"  {name:<20} {seconds:6.3f} s")
    print(f"listening after        {ready['at']:6.3f} s, RSS {ready['rss']:.1f} MiB (load {load})")
    loaded = [name for name in HEAVY if name in sys.modules]
    print(f"libraries loaded only on demand, loaded now: {', '.join(loaded) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
