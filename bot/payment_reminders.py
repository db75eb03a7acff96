"""The unpaid-transfer reminder loop: the customer gets the VietQR again, once per order."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import Clock, OrderPolicy, utc_now
from catalog.payments.reminders import remind_unpaid

logger = logging.getLogger(__name__)


async def remind_unpaid_once(
    session_factory: async_sessionmaker[AsyncSession],
    policy: OrderPolicy,
    after: timedelta,
    clock: Clock = utc_now,
) -> list[str]:
    """Queues the reminders due now, in one transaction; returns the order numbers."""
    async with session_factory() as session, session.begin():
        reminded = await remind_unpaid(session, after, clock, policy)
    if reminded:
        logger.info("reminded %d unpaid transfer order(s)", len(reminded))
    return reminded


async def run_payment_reminders_forever(
    session_factory: async_sessionmaker[AsyncSession],
    policy: OrderPolicy,
    after: timedelta,
    interval: float = 60.0,
) -> None:
    """Checks every `interval` seconds until cancelled; safe in every process (each order
    is claimed with a compare-and-set)."""
    while True:
        try:
            await remind_unpaid_once(session_factory, policy, after)
        except Exception:
            logger.exception("payment reminder pass failed; will try again")
        await asyncio.sleep(interval)
