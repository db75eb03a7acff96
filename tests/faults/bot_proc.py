"""A real `python -m bot` that the fault suite kills with SIGKILL and starts again."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from pathlib import Path

from tests.bot_process import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    """Starts the bot on a fixed port (so clients keep one address across restarts)."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.env = {**env, "OCOPBOT_WEB__PORT": str(self.port)}
        self.base = f"http://127.0.0.1:{self.port}"
        self._log = log
        self._child: asyncio.subprocess.Process | None = None
        self._drain: asyncio.Task[None] | None = None
        self.starts = 0

    async def start(self, timeout: float = 120) -> None:
        """Starts the bot and waits until it serves."""
        with self._log.open("ab") as log:
            child = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=ROOT,
                env=self.env,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
            )
        assert child.stdout is not None
        self._child = child
        self.starts += 1

        async def ready() -> None:
            while True:
                line = await child.stdout.readline()  # type: ignore[union-attr]
                if not line:
                    raise AssertionError(f"the bot exited at start; see {self._log}")
                if re.search(rb"web chat at http://", line):
                    return

        await asyncio.wait_for(ready(), timeout)
        self._drain = asyncio.create_task(self._read_rest(child))

    @staticmethod
    async def _read_rest(child: asyncio.subprocess.Process) -> None:
        assert child.stdout is not None
        while await child.stdout.readline():
            pass

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs."""
        child = self._child
        if child is None or child.returncode is not None:
            return
        os.kill(child.pid, signal.SIGKILL)
        await child.wait()
        if self._drain is not None:
            await self._drain
        self._child = None

    async def stop(self) -> None:
        """SIGTERM and wait (the end of a run)."""
        child = self._child
        if child is not None and child.returncode is None:
            child.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(child.wait(), 30)
            except TimeoutError:
                await self.kill()
        self._child = None
