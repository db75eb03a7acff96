"""RedisConversations: the lock brings the chat's state and takes its save back, safely."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.core.messages import ConversationKey
from bot.stores import RedisConversations, RedisLocks, RedisStateStore
from tests.scaleout.conftest import RedisServer
from tests.scaleout.round_trips import record_commands

CHAT = ConversationKey("web", "chat:with:colons")


def process(server: RedisServer, **options: float) -> RedisConversations:
    """A new process's conversations, on its own connection."""
    return RedisConversations(server.client(), prefix=server.prefix, **options)


async def test_two_processes_taking_turns_on_one_chat_lose_no_update(
    redis_server: RedisServer,
) -> None:
    """Also with a process of the previous release (plain commands) during a rolling deploy."""
    a, b = process(redis_server), process(redis_server)
    old_locks = RedisLocks(redis_server.client(), prefix=redis_server.prefix)
    old_store = RedisStateStore(redis_server.client(), prefix=redis_server.prefix)
    pairs = [(a, a), (b, b), (old_store, old_locks)]

    async def turn(i: int) -> None:
        store, locks = pairs[i % 3]
        async with locks.lock(CHAT):
            state = await store.get(CHAT) or {"turns": 0}
            await asyncio.sleep(0.001 * (i % 4))
            state["turns"] += 1
            await store.set(CHAT, state)

    await asyncio.gather(*(turn(i) for i in range(60)))

    assert await a.get(CHAT) == {"turns": 60}
    assert await redis_server.keys("lock:*") == []


async def test_the_state_is_saved_even_when_the_lock_expired_mid_turn(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.stores")
    a, b = process(redis_server, wait=1.0), process(redis_server, wait=1.0)
    async with a.lock(CHAT):
        await a.set(CHAT, {"step": "order:contact"})
        (lock,) = await redis_server.keys("lock:*")
        await redis_server.clients[0].delete(lock)  # as if it had expired
        taken = b.lock(CHAT)
        await taken.__aenter__()  # and another process took the chat
        token = await redis_server.clients[0].get(lock)

    assert await redis_server.clients[0].get(lock) == token  # theirs is left alone
    assert "expired before its turn ended" in caplog.text
    assert await a.get(CHAT) == {"step": "order:contact"}  # a no longer holds it: a GET
    await taken.__aexit__(None, None, None)
    assert await redis_server.keys("lock:*") == []


async def test_inside_the_lock_state_comes_with_it_and_goes_out_with_the_release(
    redis_server: RedisServer,
) -> None:
    chat = process(redis_server)
    await chat.set(CHAT, {"step": "idle", "options": []})  # no lock: written at once
    sent = record_commands(redis_server.clients[-1])
    async with chat.lock(CHAT):
        first = await chat.get(CHAT)
        assert first == {"step": "idle", "options": []}
        assert first is not await chat.get(CHAT)  # a fresh dict each time, as GET gives
        first["options"].append("p:more")
        await chat.set(CHAT, first)
        first["options"].append("changed after the save")
        assert await chat.get(CHAT) == {"step": "idle", "options": ["p:more"]}
        elsewhere = asyncio.create_task(chat.get(CHAT))  # not the holder: reads Redis
        assert await elsewhere == {"step": "idle", "options": []}
    assert await chat.get(CHAT) == {"step": "idle", "options": ["p:more"]}
    assert "SET" not in sent  # the save went with the release


async def test_a_turn_that_saves_nothing_leaves_the_state_alone(
    redis_server: RedisServer,
) -> None:
    chat = process(redis_server)
    await chat.set(CHAT, {"lang": "vi"})
    with pytest.raises(ValueError, match="handler bug"):
        async with chat.lock(CHAT):
            await chat.get(CHAT)
            raise ValueError("handler bug")
    assert await chat.get(CHAT) == {"lang": "vi"}
    assert await redis_server.keys("lock:*") == []


async def test_a_save_made_before_an_error_is_kept_as_a_plain_set_was(
    redis_server: RedisServer,
) -> None:
    chat = process(redis_server)
    with pytest.raises(ValueError, match="after the save"):
        async with chat.lock(CHAT):
            await chat.set(CHAT, {"lang": "en"})
            raise ValueError("after the save")
    assert await chat.get(CHAT) == {"lang": "en"}


async def test_each_save_under_the_lock_restarts_the_idle_timer(
    redis_server: RedisServer,
) -> None:
    client = redis_server.client()
    chat = RedisConversations(client, prefix=redis_server.prefix, ttl=timedelta(days=30))
    forever = RedisConversations(client, prefix=f"{redis_server.prefix}:b", ttl=None)
    await chat.set(CHAT, {"step": "idle"})
    (key,) = await redis_server.keys("state:*")
    await client.expire(key, 5)
    async with chat.lock(CHAT), forever.lock(CHAT):
        await chat.set(CHAT, {"step": "search:results"})
        await forever.set(CHAT, {"step": "idle"})
    assert 29 * 86400 < await client.ttl(key) <= 30 * 86400
    assert await client.ttl(f"{redis_server.prefix}:b:state:web:chat:{CHAT.chat_id}") == -1


async def test_an_unreadable_state_under_the_lock_starts_the_chat_afresh(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    chat = process(redis_server)
    await chat.set(CHAT, {"lang": "vi"})
    (key,) = await redis_server.keys("state:*")
    await redis_server.clients[0].set(key, b"\xff{not json")
    async with chat.lock(CHAT):
        assert await chat.get(CHAT) is None
        await chat.set(CHAT, {"lang": "en"})
    assert "unreadable state" in caplog.text
    assert await chat.get(CHAT) == {"lang": "en"}


async def test_a_failed_save_raises_from_the_lock_and_still_frees_the_chat(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Not a mere release warning: the caller must know the state was not saved."""
    client = redis_server.client()
    down = False
    record_commands(client, fail=lambda _: RedisConnectionError("gone") if down else None)
    chat = RedisConversations(client, prefix=redis_server.prefix, timeout=0.3)
    await chat.set(CHAT, {"lang": "vi"})

    failing = chat.lock(CHAT)
    await failing.__aenter__()
    await chat.set(CHAT, {"lang": "en"})
    down = True  # the save and the release behind it both fail
    with pytest.raises(RedisConnectionError):
        await failing.__aexit__(None, None, None)
    assert "could not release" in caplog.text
    down = False

    async with chat.lock(CHAT):  # once the lock Redis kept expires, and nothing else waits
        assert await chat.get(CHAT) == {"lang": "vi"}
