"""Several dispatchers on one outbox: every message is delivered, none twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.notify import OutboxDispatcher
from catalog.db import make_engine, make_session_factory
from catalog.orders import OutboxRepository
from tests.orders.conftest import FakeClock
from tests.orders.fake_channels import RecordingChannel, renderer
from tests.orders.helpers import outbox_rows

DB = async_sessionmaker[AsyncSession]
MESSAGES = 60
WORKERS = 4


async def test_concurrent_dispatchers_deliver_each_message_exactly_once(
    catalog_db_url: str, db: DB, clock: FakeClock
) -> None:
    async with db() as session, session.begin():
        outbox = OutboxRepository(session)
        for i in range(MESSAGES):
            await outbox.enqueue(
                f"telegram:{i % 7}", "test", {"text": f"m{i}"}, f"t:{i}", clock.now
            )
    channel = RecordingChannel("telegram", delay=0.005)  # one channel object: one record
    engines = [make_engine(catalog_db_url) for _ in range(WORKERS)]

    async def work(engine_index: int) -> int:
        worker = OutboxDispatcher(
            make_session_factory(engines[engine_index]),
            {"telegram": channel},
            renderer(),
            clock,
            batch=5,
            lease=timedelta(minutes=5),
        )
        delivered = 0
        for _ in range(200):
            delivered += await worker.run_once()
            if len(channel.sent) >= MESSAGES:
                break
            await asyncio.sleep(0)
        return delivered

    try:
        per_worker = await asyncio.wait_for(asyncio.gather(*map(work, range(WORKERS))), 120)
    finally:
        for engine in engines:
            await engine.dispose()
    texts = Counter(replies[0].text for _, replies in channel.sent)
    assert texts == Counter({f"m{i}": 1 for i in range(MESSAGES)})
    assert sum(per_worker) == MESSAGES
    rows = await outbox_rows(db)
    assert all(r["delivered_at"] is not None and r["attempts"] == 1 for r in rows)
    if catalog_db_url.startswith("postgresql"):
        assert sum(1 for n in per_worker if n) > 1  # the work really was shared
