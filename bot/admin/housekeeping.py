"""The console's housekeeping loop: forgets expired sessions and old transcripts hourly."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.console.retention import forget_old
from catalog.orders import Clock, utc_now

logger = logging.getLogger(__name__)


async def run_housekeeping_forever(
    sessions: async_sessionmaker[AsyncSession], clock: Clock = utc_now, interval: float = 3600.0
) -> None:
    """Runs `forget_old` every `interval` seconds until cancelled (safe in every process)."""
    while True:
        try:
            async with sessions() as session, session.begin():
                await forget_old(session, clock())
        except Exception:
            logger.exception("console housekeeping failed; will try again")
        await asyncio.sleep(interval)
