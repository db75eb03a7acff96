"""After a run: what the database holds, compared with what the clients were told."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import text

from catalog.db import make_engine
from tests.faults.clients import Tally


@dataclass
class Report:
    kills: int
    confirmed: int
    orders_lost: int
    pings: int
    pings_lost: int
    ping_duplicates: int
    acked: dict[str, int]
    acked_unprocessed: dict[str, int]
    inbox_unprocessed: int
    inbox_rerun: int  # updates fed again at a start-up (the engine dropped any it had done)
    derailed: int
    retries: int

    def line(self) -> str:
        return (
            f"{self.kills} kills: {self.confirmed} confirmed orders, {self.orders_lost} lost; "
            f"{self.pings} pings, {self.pings_lost} lost, {self.ping_duplicates} duplicates; "
            f"acknowledged webhook updates {self.acked}, unprocessed {self.acked_unprocessed}, "
            f"inbox rows unprocessed {self.inbox_unprocessed}, re-run after a crash "
            f"{self.inbox_rerun}; {self.derailed} dialogues "
            f"derailed; {self.retries} client retries"
        )


async def _facts(url: str) -> tuple[dict[str, str], int, set[tuple[str, str]], int, int]:
    """Orders by customer (number), web pings queued, processed message ids, open inbox."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            orders = dict(
                (await conn.execute(text("SELECT customer_address, number FROM orders"))).all()
            )
            pings = await conn.scalar(
                text("SELECT count(*) FROM outbox WHERE recipient LIKE 'web:%'")
            )
            done = {
                (c, m)
                for c, m in (
                    await conn.execute(text("SELECT channel, message_id FROM processed_message"))
                ).all()
            }
            waiting = await conn.scalar(
                text("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL")
            )
            rerun = await conn.scalar(
                text("SELECT count(*) FROM webhook_inbox WHERE attempts > 1")
            )
    finally:
        await engine.dispose()
    return orders, int(pings or 0), done, int(waiting or 0), int(rerun or 0)


async def settle_and_audit(url: str, tally: Tally, kills: int, timeout: float = 60) -> Report:
    """Waits (bounded) for the outbox and the inbox to drain, then compares."""
    deadline = time.monotonic() + timeout
    while True:
        orders, pings, done, waiting, rerun = await _facts(url)
        numbers = set(orders.values())
        got = Counter(n for t in tally.pushes for n in numbers if n in t and "Đơn hàng mới" in t)
        settled = waiting == 0 and set(got) >= numbers
        if settled or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    acked_unprocessed = {
        channel: len({(channel, m) for m in ids} - done) for channel, ids in tally.acked.items()
    }
    return Report(
        kills=kills,
        confirmed=len(tally.confirmed),
        orders_lost=len(tally.confirmed - set(orders)),
        pings=pings,
        pings_lost=len(numbers - set(got)),
        ping_duplicates=sum(n - 1 for n in got.values()),
        acked={channel: len(ids) for channel, ids in tally.acked.items()},
        acked_unprocessed=acked_unprocessed,
        inbox_unprocessed=waiting,
        inbox_rerun=rerun,
        derailed=len(tally.derailed),
        retries=tally.retries,
    )
