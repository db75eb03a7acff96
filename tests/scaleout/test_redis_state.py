"""RedisStateStore: conversation state shared by every process, forgotten after idling."""

from __future__ import annotations

import asyncio
import inspect
from datetime import timedelta

import pytest

from bot.core.locks import LockProvider
from bot.core.messages import ConversationKey
from bot.core.state import Conversation, Memory, StateStore
from bot.stores import RedisConversations, RedisLocks, RedisStateStore
from tests.scaleout.conftest import RedisServer

KEY = ConversationKey("web", "chat:with:colons")


async def test_a_conversation_saved_by_one_process_is_read_by_another(
    redis_server: RedisServer,
) -> None:
    saved = Conversation(lang="vi", step="order:contact", options=["o:1", "o:2"])
    saved.memory = Memory(products=["tra-hoa-vang-quy-hoa"], location=[20.95, 107.07])
    saved.memory.order = {"cart": [{"product": "tra-hoa-vang-quy-hoa", "quantity": 2}]}
    saved.memory.contact = {"name": "Nguyễn Văn An"}
    a = RedisStateStore(redis_server.client(), prefix=redis_server.prefix)
    b = RedisStateStore(redis_server.client(), prefix=redis_server.prefix)

    await a.set(KEY, saved.to_dict())

    assert Conversation.from_dict(await b.get(KEY)) == saved
    assert await b.get(ConversationKey("web", "someone-else")) is None
    assert await b.get(ConversationKey("telegram", KEY.chat_id)) is None


async def test_each_save_restarts_the_idle_timer(redis_server: RedisServer) -> None:
    client = redis_server.client()
    store = RedisStateStore(client, prefix=redis_server.prefix, ttl=timedelta(days=30))
    await store.set(KEY, {"step": "idle"})
    (key,) = await redis_server.keys("state:*")
    await client.expire(key, 5)

    await store.set(KEY, {"step": "search:results"})

    assert 29 * 86400 < await client.ttl(key) <= 30 * 86400
    assert (await store.get(KEY)) == {"step": "search:results"}


async def test_an_idle_conversation_is_forgotten(redis_server: RedisServer) -> None:
    store = RedisStateStore(
        redis_server.client(), prefix=redis_server.prefix, ttl=timedelta(milliseconds=100)
    )
    await store.set(KEY, {"step": "idle"})
    assert await store.get(KEY) is not None
    await asyncio.sleep(0.2)
    assert await store.get(KEY) is None
    assert await redis_server.keys() == []


async def test_without_a_ttl_state_is_kept(redis_server: RedisServer) -> None:
    client = redis_server.client()
    store = RedisStateStore(client, prefix=redis_server.prefix, ttl=None)
    await store.set(KEY, {"lang": "en"})
    (key,) = await redis_server.keys("state:*")
    assert await client.ttl(key) == -1


async def test_an_unreadable_value_starts_the_chat_afresh(redis_server: RedisServer) -> None:
    client = redis_server.client()
    store = RedisStateStore(client, prefix=redis_server.prefix)
    await store.set(KEY, {"lang": "vi"})
    (key,) = await redis_server.keys("state:*")
    for junk in (b"{not json", b"[1, 2]", b"\xff\xfe"):
        await client.set(key, junk)
        assert await store.get(KEY) is None


async def test_prefixes_keep_deployments_apart(redis_server: RedisServer) -> None:
    client = redis_server.client()
    ours = RedisStateStore(client, prefix=f"{redis_server.prefix}:a")
    theirs = RedisStateStore(client, prefix=f"{redis_server.prefix}:b")
    await ours.set(KEY, {"lang": "vi"})
    assert await theirs.get(KEY) is None
    expected = f"{redis_server.prefix}:a:state:web:chat:{KEY.chat_id}"
    assert await redis_server.keys("a:state:*") == [expected]


@pytest.mark.parametrize(
    ("ours", "protocol", "name"),
    [
        (RedisStateStore, StateStore, "get"),
        (RedisStateStore, StateStore, "set"),
        (RedisLocks, LockProvider, "lock"),
        (RedisConversations, StateStore, "get"),
        (RedisConversations, StateStore, "set"),
        (RedisConversations, LockProvider, "lock"),
    ],
)
def test_the_stores_follow_the_cores_protocols(ours: type, protocol: type, name: str) -> None:
    """Fails loudly when the core's protocol changes (say, a session argument) and ours not."""
    expected = inspect.signature(getattr(protocol, name)).parameters
    assert inspect.signature(getattr(ours, name)).parameters == expected
