"""Killing a process (SIGKILL) after the commit or in the middle of a send loses nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.notify import OutboxDispatcher
from tests.orders.crash_worker import LEASE
from tests.orders.fake_channels import RecordingChannel, renderer
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]
ROOT = Path(__file__).resolve().parents[2]


async def run_until_killed(url: str, mode: str, expect: str) -> None:
    """Starts the worker, waits for `expect` on its stdout, then SIGKILLs it."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.orders.crash_worker",
        url,
        mode,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert child.stdout is not None
    try:
        line = await asyncio.wait_for(child.stdout.readline(), timeout=60)
        if line.decode().strip() != expect:
            _, err = await child.communicate()
            raise AssertionError(f"worker said {line!r}: {err.decode()[-2000:]}")
    finally:
        if child.returncode is None:
            os.kill(child.pid, signal.SIGKILL)
        await child.wait()
    assert child.returncode == -signal.SIGKILL


async def deliver_all(db: DB, clock: object = None) -> RecordingChannel:
    telegram = RecordingChannel("telegram")
    worker = OutboxDispatcher(db, {"telegram": telegram}, renderer(), clock or _now)
    while await worker.run_once():
        pass
    assert await worker.run_once() == 0
    return telegram


def _now() -> datetime:
    return datetime.now(UTC)


async def test_killed_after_commit_the_pings_go_out_once_after_restart(
    catalog_db_url: str, db: DB
) -> None:
    await run_until_killed(catalog_db_url, "place", "committed")
    rows = await outbox_rows(db)
    assert len(rows) == 2 and all(r["delivered_at"] is None for r in rows)

    telegram = await deliver_all(db)
    assert [chat for chat, _ in telegram.sent] == ["900", "900"]  # the operator, once each
    assert all(r["delivered_at"] and r["attempts"] == 1 for r in await outbox_rows(db))


async def test_killed_in_the_middle_of_a_send_the_ping_goes_out_once_later(
    catalog_db_url: str, db: DB
) -> None:
    await run_until_killed(catalog_db_url, "place", "committed")
    await run_until_killed(catalog_db_url, "dispatch", "sending")
    rows = await outbox_rows(db)
    assert all(r["delivered_at"] is None and r["attempts"] == 1 for r in rows)

    early = await deliver_all(db)  # the dead dispatcher's lease still holds
    assert early.sent == []

    later = datetime.now(UTC) + LEASE
    telegram = await deliver_all(db, lambda: later)
    assert len(telegram.sent) == 2
    assert all(r["delivered_at"] == later and r["attempts"] == 2 for r in await outbox_rows(db))
