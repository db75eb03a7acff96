"""The bench's server children: start one on a free loopback port, stop it, the load line."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

#: The bench script; run with ``--serve`` it is one server child.
BENCH = Path(__file__).resolve().with_name("chat_bench.py")


def start_server(
    args: argparse.Namespace, engine: str, db_url: str, log: Path, redis_url: str | None = None
) -> tuple[subprocess.Popen[str], str]:
    """Starts one server child; returns it and its base URL."""
    command = [sys.executable, str(BENCH), "--engine", engine, "--serve", db_url]
    command += ["--redis-url", redis_url] if redis_url else []
    command += ["--without-turn-log"] if args.without_turn_log else []
    with log.open("a") as err:
        server = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            start_new_session=True,  # its own CPU share (autogroup), as a service has
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
    """The load averages, printed next to every figure."""
    return "load " + "/".join(f"{a:.2f}" for a in os.getloadavg())
