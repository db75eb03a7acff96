"""Retention: sessions, states, de-duplication rows, webhook updates, pushes, web chat
history and the console's chart events are pruned."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.inbox import WebhookInbox, webhook_inbox
from bot.channels.web.sql_mailbox import web_mailbox
from bot.channels.web.sql_sessions import web_sessions
from bot.channels.web.sql_transcript import web_transcript
from bot.config import RetentionSettings
from bot.core.sql_store import conversation_state, processed_message
from bot.retention import Pruner
from catalog.console.models import AnalyticsEvent
from catalog.db import make_engine, make_session_factory, upgrade

DB = async_sessionmaker[AsyncSession]
NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)
OLD, FRESH = NOW - timedelta(days=200), NOW - timedelta(hours=1)


@pytest.fixture
async def db(empty_db_url: str) -> AsyncIterator[DB]:
    engine = make_engine(empty_db_url)
    await upgrade(engine)
    yield make_session_factory(engine)
    await engine.dispose()


async def count(db: DB, table: object) -> int:
    async with db() as session:
        return int(await session.scalar(select(func.count()).select_from(table)))  # type: ignore[arg-type]


async def test_old_rows_go_and_recent_ones_stay(db: DB) -> None:
    """Regression: nothing was ever pruned (`prune()` was never called)."""
    async with db.begin() as session:
        await session.execute(
            insert(web_sessions),
            [
                {"token_hash": "a" * 64, "chat_id": "old-idle", "created_at": OLD},
                {"token_hash": "b" * 64, "chat_id": "old-active", "created_at": OLD},
                {"token_hash": "c" * 64, "chat_id": "new", "created_at": FRESH},
            ],
        )
        await session.execute(
            insert(conversation_state),
            [
                {
                    "channel": "web",
                    "chat_id": "old-active",
                    "namespace": "chat",
                    "data": {},
                    "updated_at": FRESH,
                },
                {
                    "channel": "telegram",
                    "chat_id": "9",
                    "namespace": "chat",
                    "data": {},
                    "updated_at": OLD,
                },
            ],
        )
        await session.execute(
            insert(processed_message),
            [
                {"channel": "web", "message_id": "old", "created_at": OLD, "replies": []},
                {"channel": "web", "message_id": "new", "created_at": FRESH, "replies": []},
            ],
        )
        await session.execute(
            insert(web_mailbox),
            [
                {"chat_id": "old-idle", "message": {"text": "x"}, "created_at": OLD},
                {"chat_id": "new", "message": {"text": "y"}, "created_at": FRESH},
            ],
        )
        await session.execute(
            insert(webhook_inbox),
            [
                {
                    "channel": "telegram",
                    "update_key": k,
                    "body": {},
                    "received_at": OLD,
                    "processed_at": done,
                    "attempts": 1,
                }
                for k, done in (("done", OLD), ("never-processed", None))
            ],
        )
        await session.execute(
            insert(web_transcript),
            [
                {"chat_id": "old-idle", "entry": '{"role": "user"}', "created_at": OLD},
                {"chat_id": "new", "entry": '{"role": "user"}', "created_at": FRESH},
            ],
        )
        await session.execute(
            insert(AnalyticsEvent),
            [
                {
                    "at": at,
                    "channel": "web",
                    "user_hash": "h",
                    "product_ids": [],
                    "place_ids": [],
                    "understood": True,
                }
                for at in (NOW - timedelta(days=400), OLD, FRESH)  # a year of charts stays
            ],
        )
    counts = await Pruner(db, RetentionSettings(), clock=lambda: NOW).run_once()
    assert counts == {
        "web_sessions": 1,
        "conversation_state": 1,
        "processed_message": 1,
        "webhook_inbox": 1,
        "web_mailbox": 1,
        "web_transcript": 1,
        "web_transcript_over_keep": 0,
        "analytics_events": 1,
    }
    assert await count(db, web_transcript) == 1
    assert await count(db, AnalyticsEvent.__table__) == 2
    async with db() as session:
        chats = set(await session.scalars(select(web_sessions.c.chat_id)))
        waiting = list(await session.scalars(select(webhook_inbox.c.update_key)))
    assert chats == {"old-active", "new"}
    assert waiting == ["never-processed"]  # an unprocessed update is never pruned
    assert await Pruner(db, RetentionSettings(), clock=lambda: NOW).run_once() == dict.fromkeys(
        counts, 0
    )


async def test_a_replayed_webhook_update_is_recorded_once(db: DB) -> None:
    inbox = WebhookInbox(db)
    update = {"update_id": 7, "message": {"text": "Xác nhận\u0000"}}
    assert await inbox.record("telegram", update) is not None
    assert await inbox.record("telegram", update) is None
    assert await count(db, webhook_inbox) == 1


@pytest.mark.parametrize("module", ["inbox", "sql_mailbox", "sql_sessions", "sql_transcript"])
async def test_migration_0007_matches_the_tables_the_code_uses(db: DB, module: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.channels import inbox
    from bot.channels.web import sql_mailbox, sql_sessions, sql_transcript

    modules = {
        "inbox": inbox,
        "sql_mailbox": sql_mailbox,
        "sql_sessions": sql_sessions,
        "sql_transcript": sql_transcript,
    }
    metadata = modules[module].metadata
    ours = set(metadata.tables)

    def diff(connection: object) -> list[object]:
        def include(name: str | None, type_: str, _parents: object) -> bool:
            return type_ != "table" or name in ours

        opts = {"compare_type": True, "include_name": include}
        context = MigrationContext.configure(connection, opts=opts)  # type: ignore[arg-type]
        return list(compare_metadata(context, metadata))

    engine = db.kw["bind"]
    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_a_long_web_chat_keeps_its_newest_200_entries(db: DB) -> None:
    """A turn only appends to the visible history; the pass trims each chat to its newest
    200 entries and leaves a short chat alone."""
    rows = [
        {
            "chat_id": "talkative",
            "entry": f'{{"role": "user", "text": "câu {i}"}}',
            "created_at": FRESH,
        }
        for i in range(205)
    ]
    rows.append(
        {"chat_id": "quiet", "entry": '{"role": "user", "text": "xin chào"}', "created_at": FRESH}
    )
    async with db.begin() as session:
        await session.execute(insert(web_transcript), rows)
    counts = await Pruner(db, RetentionSettings(), clock=lambda: NOW).run_once()
    assert counts["web_transcript_over_keep"] == 5
    async with db() as session:
        kept = list(
            await session.scalars(
                select(web_transcript.c.entry)
                .where(web_transcript.c.chat_id == "talkative")
                .order_by(web_transcript.c.id)
            )
        )
    assert len(kept) == 200 and "câu 5" in kept[0] and "câu 204" in kept[-1]
    assert await count(db, web_transcript) == 201
