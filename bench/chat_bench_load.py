"""The load generator of bench/chat_bench.py: visitors, both load shapes, percentiles, RSS."""

from __future__ import annotations

import asyncio
import itertools
import math
import threading
import time
from typing import Any

import aiohttp
import psutil

#: How long the open loop waits for answers after sending its last message.
GRACE_S = 5.0

QUESTIONS = [
    "nước mắm Cái Rồng giá bao nhiêu?",
    "trà hoa vàng Ba Chẽ là gì",
    "sản phẩm 5 sao ở Quảng Ninh",
    "mua miến dong Bình Liêu ở đâu",
    "chả mực Hạ Long",
    "what is ruốc hàu?",
    "xin chào",
]


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


async def new_visitor(http: aiohttp.ClientSession, base: str) -> dict[str, str]:
    async with http.post(f"{base}/api/chat/session") as response:
        token = (await response.json())["token"]
    return {"Authorization": f"Bearer {token}"}


async def one_message(
    http: aiohttp.ClientSession, base: str, headers: dict[str, str], text: str, out: list[float]
) -> bool:
    """Sends one message; records its latency in ms if it succeeded."""
    started = time.perf_counter()
    async with http.post(f"{base}/api/chat/messages", json={"text": text}, headers=headers) as r:
        await r.read()
        ok = r.status == 200
    if ok:
        out.append((time.perf_counter() - started) * 1000)
    return ok


async def closed_loop(base: str, concurrency: int, count: int, limit_s: float) -> dict[str, Any]:
    """``concurrency`` visitors send back to back until ``count`` messages or ``limit_s``."""
    latencies: list[float] = []
    errors = 0
    sent = itertools.count()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        visitors = [await new_visitor(http, base) for _ in range(concurrency)]
        started = time.perf_counter()
        deadline = started + limit_s

        async def visitor(headers: dict[str, str]) -> None:
            nonlocal errors
            while (i := next(sent)) < count and time.perf_counter() < deadline:
                if not await one_message(
                    http, base, headers, QUESTIONS[i % len(QUESTIONS)], latencies
                ):
                    errors += 1

        await asyncio.gather(*(visitor(h) for h in visitors))
        elapsed = time.perf_counter() - started
    return summary(latencies, errors, elapsed)


async def open_loop(
    base: str, rate: float, count: int, limit_s: float, visitors: int
) -> dict[str, Any]:
    """Messages arrive every 1/``rate`` s whether or not earlier ones were answered.

    Messages still unanswered ``GRACE_S`` after the last one was sent are abandoned and
    counted as errors, so an overloaded server cannot stretch the run without bound.
    """
    latencies: list[float] = []
    count = min(count, int(rate * limit_s))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        people = [await new_visitor(http, base) for _ in range(visitors)]
        started = time.perf_counter()
        tasks = []
        for i in range(count):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            text, headers = QUESTIONS[i % len(QUESTIONS)], people[i % visitors]
            tasks.append(asyncio.create_task(one_message(http, base, headers, text, latencies)))
        done, pending = await asyncio.wait(tasks, timeout=GRACE_S)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        elapsed = time.perf_counter() - started
    failed = sum(1 for t in done if t.exception() is not None or not t.result())
    return summary(latencies, failed + len(pending), elapsed)


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
