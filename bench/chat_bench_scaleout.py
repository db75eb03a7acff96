"""bench/chat_bench.py --scaleout: one, then two servers on PostgreSQL + Redis, with the CPU.

Next to each throughput the CPU seconds of the servers, the load generator, PostgreSQL,
Redis and the rest of the machine during that phase (bench/chat_bench_cpu.py), and the
2-vs-1 gain the machine's cores allow at the measured CPU cost per message: a reader sees
whether the cores were the limit or something in the code serialised the processes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path
from typing import Any

from chat_bench_cpu import CpuMeter
from chat_bench_load import CLIENTS, closed_loop
from chat_bench_servers import load, start_server, stop


def scale_out(args: argparse.Namespace, db_url: str, log: Path) -> list[dict[str, Any]]:
    """One, then two real servers on PostgreSQL + Redis, the closed loop over all of them.

    Each result carries ``cpu``: the CpuMeter of its measured phase.
    """
    results = []
    client = CLIENTS[args.client]
    for count in (1, 2):
        started = []
        try:
            for _ in range(count):  # one after the other: the first one migrates
                started.append(start_server(args, "real", db_url, log, args.redis_url))
            bases = [base for _, base in started]
            concurrency = args.concurrency * count
            asyncio.run(closed_loop(bases, concurrency, 300, 10, client))
            pids = [server.pid for server, _ in started]
            with CpuMeter(pids, database=db_url.rsplit("/", 1)[-1]) as meter:
                loop = closed_loop(bases, concurrency, args.messages, args.seconds, client)
                result = asyncio.run(loop)
            results.append(result | {"load": load(), "cpu": meter})
        finally:
            for server, _ in started:
                stop(server)
    return results


def ceiling(meter: CpuMeter, messages: int) -> str:
    """The 2-vs-1 gain the cores allow at the CPU cost per message of the 1-process phase.

    One process is bounded by one core (its event loop); two by every core, shared with
    the generator, PostgreSQL and Redis, whose CPU per message does not shrink.
    """
    cores = os.cpu_count() or 1
    server = meter.per_message_ms("servers", messages)
    rest = sum(meter.per_message_ms(g, messages) for g in ("generator", "postgres", "redis"))
    one = min(1000 / server, cores * 1000 / (server + rest))
    two = min(2000 / server, cores * 1000 / (server + rest))
    busy = meter.seconds["other"] / (meter.elapsed * cores)
    return (
        f"CPU bound: at {server:.2f} ms/msg in the server and {rest:.2f} ms/msg in the "
        f"generator, PostgreSQL and Redis, {cores} free cores allow at most {two / one:.2f}x; "
        f"other processes took {busy:.0%} of the cores meanwhile"
    )
