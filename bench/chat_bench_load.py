"""The load generator of bench/chat_bench.py: visitors, both load shapes, percentiles, RSS."""

from __future__ import annotations

import asyncio
import itertools
import math
import threading
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import psutil
from chat_bench_http import LeanHttp
from chat_bench_mix import Visitor

#: How long the open loop waits for answers after sending its last message.
GRACE_S = 5.0
#: The HTTP client the visitors use: ``LeanHttp`` (cheap), or aiohttp's as a reference.
Client = Callable[[], Any]


def aiohttp_client() -> aiohttp.ClientSession:
    """aiohttp's client session, unlimited connections (the bench's former generator)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


#: ``--client`` of bench/chat_bench.py.
CLIENTS: dict[str, Client] = {"lean": LeanHttp, "aiohttp": aiohttp_client}


class PeakRss:
    """Samples a process's resident memory every 20 ms and keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            try:
                self.peak = max(self.peak, self.process.memory_info().rss)
            except psutil.Error:
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def closed_loop(
    bases: list[str], concurrency: int, count: int, limit_s: float, client: Client = LeanHttp
) -> dict[str, Any]:
    """``concurrency`` visitors send back to back until ``count`` messages or ``limit_s``.

    With several servers (``bases``), visitors are dealt to them in turn.
    """
    latencies: list[float] = []
    errors = 0
    sent = itertools.count()
    async with client() as http:
        visitors = [
            await Visitor(http, bases[i % len(bases)], i).start() for i in range(concurrency)
        ]
        started = time.perf_counter()
        deadline = started + limit_s

        async def play(visitor: Visitor) -> None:
            nonlocal errors
            while next(sent) < count and time.perf_counter() < deadline:
                if not await visitor.send(latencies):
                    errors += 1

        await asyncio.gather(*(play(v) for v in visitors))
        elapsed = time.perf_counter() - started
    return summary(latencies, errors, elapsed)


async def open_loop(
    base: str, rate: float, count: int, limit_s: float, visitors: int, client: Client = LeanHttp
) -> dict[str, Any]:
    """Messages arrive every 1/``rate`` s whether or not earlier ones were answered.

    Each arrival is the next message of an idle visitor (a person waits for the answer
    before typing again); an arrival that finds every visitor waiting is an error, and so
    is a message still unanswered ``GRACE_S`` after the last one was sent.
    """
    latencies: list[float] = []
    count = min(count, int(rate * limit_s))
    async with client() as http:
        idle = [await Visitor(http, base, i).start() for i in range(visitors)]
        started = time.perf_counter()
        tasks = []
        no_visitor = 0

        async def send(visitor: Visitor) -> bool:
            try:
                return await visitor.send(latencies)
            finally:
                idle.append(visitor)

        for i in range(count):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if not idle:
                no_visitor += 1
                continue
            tasks.append(asyncio.create_task(send(idle.pop(0))))
        done, pending = await asyncio.wait(tasks, timeout=GRACE_S) if tasks else (set(), set())
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        elapsed = time.perf_counter() - started
    failed = sum(1 for t in done if t.exception() is not None or not t.result())
    return summary(latencies, failed + len(pending) + no_visitor, elapsed)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summary(latencies: list[float], errors: int, elapsed: float) -> dict[str, Any]:
    if not latencies:
        return {"ok": 0, "errors": errors, "rate": 0.0, "p50": math.nan, "p99": math.nan}
    return {
        "ok": len(latencies),
        "errors": errors,
        "rate": len(latencies) / elapsed,
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "max": max(latencies),
    }


def report(name: str, result: dict[str, Any]) -> None:
    print(
        f"{name:<28} {result['ok']:>6} ok {result['errors']:>4} errors "
        f"{result['rate']:>8.1f} msg/s  p50 {result['p50']:6.1f} ms  p99 {result['p99']:6.1f} ms"
        f"  max {result.get('max', math.nan):6.1f} ms"
    )
