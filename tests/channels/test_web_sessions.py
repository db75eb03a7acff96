"""Web sessions: only token hashes are stored, and a session outlives a server restart."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from bot.channels.web import MemorySessionStore, SqlSessionStore
from bot.channels.web.sessions import hash_token, issue_session
from bot.channels.web.sql_sessions import metadata, web_sessions
from tests.channels.web_support import FakeEngine, WebChat, serve
from tests.db_servers import sqlite_url


async def test_memory_store_finds_what_it_created() -> None:
    store = MemorySessionStore()
    issued = issue_session()
    await store.create(hash_token(issued.token), issued.chat_id)
    assert await store.find(hash_token(issued.token)) == issued.chat_id
    assert await store.find(hash_token("guess")) is None


async def test_a_session_survives_a_restart_and_its_token_is_not_stored(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    db = create_async_engine(url)
    async with db.begin() as conn:
        await conn.run_sync(metadata.create_all)
    engine = FakeEngine()

    async with serve(engine, sessions=SqlSessionStore(db)) as (client, _):
        chat = await WebChat(client).open()
        await chat.send("lần đầu")
    await db.dispose()

    restarted = create_async_engine(url)
    async with serve(engine, sessions=SqlSessionStore(restarted)) as (client, _):
        again = WebChat(client)
        again.token, again.user = chat.token, chat.user
        await again.send("sau khi khởi động lại")
        async with restarted.connect() as conn:
            rows = (await conn.execute(select(web_sessions))).all()
    await restarted.dispose()

    assert engine.received[0].chat_id == engine.received[1].chat_id
    assert len(rows) == 1
    assert chat.token not in str(tuple(rows[0]))
    assert rows[0].token_hash == hash_token(str(chat.token))


async def test_migration_0003_creates_the_table_the_store_uses(empty_db_url: str) -> None:
    from catalog.db import make_engine, upgrade

    db = make_engine(empty_db_url)
    try:
        await upgrade(db, "0003_web_sessions")
        store = SqlSessionStore(db)
        issued = issue_session()
        await store.create(hash_token(issued.token), issued.chat_id)
        # A second process (empty cache) finds it in the database.
        assert await SqlSessionStore(db).find(hash_token(issued.token)) == issued.chat_id
        assert await SqlSessionStore(db).find(hash_token("nope")) is None
        await upgrade(db, "0002_conversations")  # the downgrade runs cleanly too
    finally:
        await db.dispose()
