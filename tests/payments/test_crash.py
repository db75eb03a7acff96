"""A bank notification survives a kill -9: killed before its commit, the service's retry
pays the order; killed after it, the customer is still told, once, and the retry changes
nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.notify import OutboxDispatcher
from bot.payments_config import PaymentsSettings
from bot.payments_webhook import PaymentWebhooks
from catalog.orders import OrderPolicy
from catalog.payments.providers import parse_sepay
from catalog.payments.repository import PaymentRepository
from tests.orders.fake_channels import RecordingChannel, renderer
from tests.orders.helpers import outbox_rows
from tests.payments.conftest import (
    CUSTOMER,
    DB,
    PRODUCER_CHAT,
    Run,
    order_by_transfer,
    seller_ready,
)
from tests.payments.crash_notify import body

ROOT = Path(__file__).resolve().parents[2]


async def kill_after(url: str, number: str, mode: str, expect: str) -> None:
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.payments.crash_notify", url, number, mode,
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
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


async def retry(db: DB, number: str) -> list[str]:
    """SePay sends the notification again (it never got our 200)."""
    notification = body(number)
    webhooks = PaymentWebhooks(PaymentsSettings(), db, OrderPolicy(operator="telegram:900"))
    return await webhooks.record([parse_sepay(notification)], notification)


async def deliver(db: DB) -> list[tuple[str, str]]:
    """Runs a dispatcher until nothing is due; (channel:chat, text) of what it sent."""
    telegram, web = RecordingChannel("telegram"), RecordingChannel("web")
    worker = OutboxDispatcher(db, {"telegram": telegram, "web": web}, renderer())
    while await worker.run_once():
        pass
    return [
        (f"{channel.name}:{chat}", reply.text)
        for channel in (telegram, web)
        for chat, replies in channel.sent
        for reply in replies
    ]


@pytest.mark.parametrize(
    ("mode", "expect", "retried"),
    [("after-commit", "committed", "duplicate"), ("before-commit", "applied", "matched")],
)
async def test_killed_around_the_commit_the_customer_is_told_once(
    catalog_db_url: str, run: Run, db: DB, mode: str, expect: str, retried: str
) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    await deliver(db)  # the producer's ping, out of the way

    await kill_after(catalog_db_url, order.number, mode, expect)
    assert await retry(db, order.number) == [retried]
    assert await retry(db, order.number) == ["duplicate"]

    sent = await deliver(db)
    assert sorted(address for address, _ in sent) == sorted([CUSTOMER, PRODUCER_CHAT])
    assert [r["kind"] for r in await outbox_rows(db)].count("payment.paid") == 2
    async with db() as session:
        payment = await PaymentRepository(session).get(order.id)
    assert payment is not None and payment.state == "paid"
    assert await deliver(db) == []
