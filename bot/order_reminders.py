"""The reminder loop: re-sends unanswered order pings and tells the operator, on a timer."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import Clock, OrderPolicy, OrderService, ReminderReport, utc_now

logger = logging.getLogger(__name__)


async def remind_once(
    session_factory: async_sessionmaker[AsyncSession], policy: OrderPolicy, clock: Clock = utc_now
) -> ReminderReport:
    """Queues the reminders and escalations due now, in one transaction."""
    async with session_factory() as session, session.begin():
        report = await OrderService(session, clock, policy).due_reminders()
    if report.reminded or report.escalated:
        logger.info(
            "reminded %d order(s), escalated %d", len(report.reminded), len(report.escalated)
        )
    return report


async def run_reminders_forever(
    session_factory: async_sessionmaker[AsyncSession],
    policy: OrderPolicy,
    clock: Clock = utc_now,
    interval: float = 60.0,
) -> None:
    """Checks for due reminders every `interval` seconds until cancelled.

    Safe to run in every process: each deadline is claimed with a compare-and-set, so a
    reminder or escalation is queued once however many loops run.
    """
    while True:
        try:
            await remind_once(session_factory, policy, clock)
        except Exception:
            logger.exception("reminder pass failed; will try again")
        await asyncio.sleep(interval)
