"""Where the CPU went during one bench phase: servers, load generator, PostgreSQL, Redis.

On a small machine the servers, the load generator and the database servers share the same
cores, so a throughput figure alone cannot tell a serialisation point from a full machine.
``CpuMeter`` takes the CPU seconds (user + system) of each group of processes at the start
and the end of a phase, and the machine's busy time, so the bench can print both::

    with CpuMeter(servers=[pid_a, pid_b]) as meter:
        result = asyncio.run(closed_loop(...))
    print(meter.line(result["ok"]))
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field

import psutil

#: Process names of the shared servers, as psutil reports them.
DATABASE_NAMES = {"postgres", "postmaster"}
REDIS_NAMES = {"redis-server"}
#: A PostgreSQL client backend's title names its client: "... user db 127.0.0.1(5432) idle".
BACKEND = re.compile(r"\(\d+\)|\[local\]")


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _by_name(names: set[str], database: str | None = None) -> dict[tuple[int, float], float]:
    """CPU seconds of every running process with one of ``names``, keyed by (pid, start).

    With ``database``, PostgreSQL backends serving other databases (other people's tests on
    the same server) are left out; the server's own helpers (WAL writer...) are counted.
    """
    found = {}
    for process in psutil.process_iter(["name", "create_time", "cmdline"]):
        try:
            title = " ".join(process.info["cmdline"] or ())
            other = database and BACKEND.search(title) and f" {database} " not in title
            if process.info["name"] in names and not other:
                found[(process.pid, process.info["create_time"])] = _cpu(process)
        except psutil.Error:
            continue  # ended meanwhile
    return found


def _delta(before: dict[tuple[int, float], float], after: dict[tuple[int, float], float]) -> float:
    """CPU spent between the snapshots by processes alive at the end (new ones from zero).

    A PostgreSQL backend that ended during the phase is missed; the pools keep theirs.
    """
    return sum(cpu - before.get(key, 0.0) for key, cpu in after.items())


def _machine_busy() -> float:
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


@dataclass
class CpuMeter:
    """CPU seconds per group of processes between ``__enter__`` and ``__exit__``.

    Args:
        servers: pids of the bot processes under test.
        database: the bench's PostgreSQL database (backends of others are left out).
        generator: pid of the load generator (this process by default).

    Redis has one server process: its figure includes other clients of the same server.
    """

    servers: list[int]
    database: str | None = None
    generator: int = field(default_factory=os.getpid)
    seconds: dict[str, float] = field(default_factory=dict)
    elapsed: float = 0.0

    def _snapshot(self) -> dict[str, dict[tuple[int, float], float]]:
        own = {}
        for pid in [*self.servers, self.generator]:
            process = psutil.Process(pid)
            own[(pid, process.create_time())] = _cpu(process)
        return {
            "own": own,
            "postgres": _by_name(DATABASE_NAMES, self.database),
            "redis": _by_name(REDIS_NAMES),
        }

    def __enter__(self) -> CpuMeter:
        self._before = self._snapshot()
        self._busy = _machine_busy()
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.perf_counter() - self._started
        busy = _machine_busy() - self._busy
        after = self._snapshot()
        own_before, own_after = self._before["own"], after["own"]
        keys = list(own_after)
        self.seconds = {
            "servers": sum(own_after[k] - own_before.get(k, 0.0) for k in keys[:-1]),
            "generator": own_after[keys[-1]] - own_before.get(keys[-1], 0.0),
            "postgres": _delta(self._before["postgres"], after["postgres"]),
            "redis": _delta(self._before["redis"], after["redis"]),
        }
        self.seconds["other"] = max(0.0, busy - sum(self.seconds.values()))
        self.seconds["idle"] = max(0.0, self.elapsed * (os.cpu_count() or 1) - busy)

    def per_message_ms(self, group: str, messages: int) -> float:
        """Milliseconds of ``group``'s CPU per answered message."""
        return self.seconds[group] * 1000 / messages if messages else float("nan")

    def line(self, messages: int) -> str:
        """One line: CPU seconds of each group, per message, and the cores' share used."""
        cores = (os.cpu_count() or 1) * self.elapsed
        parts = [
            f"{name} {sec:.2f} s ({self.per_message_ms(name, messages):.2f} ms/msg)"
            for name, sec in self.seconds.items()
            if name not in ("other", "idle")
        ]
        other, idle = self.seconds["other"], self.seconds["idle"]
        return (
            f"CPU over {self.elapsed:.1f} s x {os.cpu_count()} cores = {cores:.1f} s: "
            + ", ".join(parts)
            + f", other processes {other:.2f} s, idle {idle:.2f} s"
        )
