"""Retention: rows that serve only a while are pruned on a schedule (``retention`` settings).

Web chat sessions idle past ``sessions`` (no conversation state touched since), conversation
state untouched past ``states``, processed message ids (and their stored replies) past
``dedup``, processed webhook updates past ``webhooks``, pushes nobody polled for past
``mailbox``, web chat history lines past ``transcript`` and the console's chart events past
``analytics``. (The console's own sign-ins, transcripts and uploads are pruned by
``catalog.console.retention``.) Every process may run it: the deletes are idempotent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import and_, delete, exists
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.inbox import webhook_inbox
from bot.channels.web.sessions import CHANNEL as WEB
from bot.channels.web.sql_mailbox import web_mailbox
from bot.channels.web.sql_sessions import web_sessions
from bot.channels.web.sql_transcript import over_keep, web_transcript
from bot.config import RetentionSettings
from bot.core.sql_store import conversation_state, processed_message
from catalog.console.models import AnalyticsEvent

logger = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


class Pruner:
    """Deletes what has outlived its retention; ``run_once`` returns the counts per table."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        settings: RetentionSettings,
        clock: Clock = _now,
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._clock = clock

    async def run_once(self) -> dict[str, int]:
        """One pass over every table (each in its own short transaction)."""
        now, keep = self._clock(), self._settings
        state = conversation_state.c
        recent_chat = exists().where(
            and_(
                state.channel == WEB,
                state.chat_id == web_sessions.c.chat_id,
                state.updated_at >= now - keep.sessions,
            )
        )
        statements = {
            "web_sessions": delete(web_sessions).where(
                web_sessions.c.created_at < now - keep.sessions, ~recent_chat
            ),
            "conversation_state": delete(conversation_state).where(
                state.updated_at < now - keep.states
            ),
            "processed_message": delete(processed_message).where(
                processed_message.c.created_at < now - keep.dedup
            ),
            "webhook_inbox": delete(webhook_inbox).where(
                webhook_inbox.c.processed_at.is_not(None),
                webhook_inbox.c.received_at < now - keep.webhooks,
            ),
            "web_mailbox": delete(web_mailbox).where(
                web_mailbox.c.created_at < now - keep.mailbox
            ),
            "web_transcript": delete(web_transcript).where(
                web_transcript.c.created_at < now - keep.transcript
            ),
            # A turn only appends to a chat's history: its entries past the newest 200 go here.
            "web_transcript_over_keep": over_keep(),
            "analytics_events": delete(AnalyticsEvent).where(
                AnalyticsEvent.at < now - keep.analytics
            ),
        }
        counts: dict[str, int] = {}
        for table, statement in statements.items():
            async with self._sessions.begin() as session:
                result = await session.execute(statement)
            counts[table] = int(result.rowcount or 0)  # type: ignore[attr-defined]
        pruned = {t: n for t, n in counts.items() if n}
        if pruned:
            logger.info("retention: pruned %s", ", ".join(f"{n} {t}" for t, n in pruned.items()))
        return counts

    async def run_forever(self) -> None:
        """Prunes now and then every ``every`` until cancelled; a failure waits for the next."""
        while True:
            try:
                await self.run_once()
            except Exception:
                logger.exception("retention: pruning failed; will try again")
            await asyncio.sleep(self._settings.every.total_seconds())
