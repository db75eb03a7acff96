"""RedisLocks: one turn at a time per chat across processes; a dead holder's lock expires."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time

import pytest

from bot.core.messages import ConversationKey
from bot.stores import RedisLocks
from bot.stores.redis_locks import LockTimeout
from tests.db_servers import REDIS_URL
from tests.scaleout.conftest import RedisServer

CHAT = ConversationKey("web", "c1")


def two_processes(server: RedisServer, **options: float) -> tuple[RedisLocks, RedisLocks]:
    """Lock providers on separate connections, as two bot processes would hold them."""
    return (
        RedisLocks(server.client(), prefix=server.prefix, **options),
        RedisLocks(server.client(), prefix=server.prefix, **options),
    )


async def test_two_holders_of_one_chat_take_turns(redis_server: RedisServer) -> None:
    a, b = two_processes(redis_server)
    inside: list[str] = []
    most = 0

    async def turn(locks: RedisLocks, name: str) -> None:
        nonlocal most
        async with locks.lock(CHAT):
            inside.append(name)
            most = max(most, len(inside))
            await asyncio.sleep(0.05)
            inside.remove(name)

    await asyncio.gather(*(turn(a if i % 2 else b, f"t{i}") for i in range(6)))

    assert most == 1
    assert await redis_server.keys("lock:*") == []  # released, nothing left behind


async def test_different_chats_do_not_wait_for_each_other(redis_server: RedisServer) -> None:
    a, b = two_processes(redis_server, wait=0.5)
    async with a.lock(CHAT), b.lock(ConversationKey("web", "c2")):
        assert len(await redis_server.keys("lock:*")) == 2


async def test_a_dead_holders_lock_expires(redis_server: RedisServer) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, REDIS_URL, redis_server.prefix],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        holder.kill()  # SIGKILL: no finally, no release
        holder.wait()
        started = time.monotonic()
        locks = RedisLocks(redis_server.client(), prefix=redis_server.prefix, wait=5.0)
        async with locks.lock(CHAT):
            waited = time.monotonic() - started
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert 0.5 < waited < 2.0  # the dead holder's 1 s timeout, not the 5 s wait


HOLDER = """
import asyncio, sys
from redis.asyncio import Redis
from bot.core.messages import ConversationKey
from bot.stores import RedisLocks

async def main() -> None:
    locks = RedisLocks(Redis.from_url(sys.argv[1]), prefix=sys.argv[2], timeout=1.0)
    async with locks.lock(ConversationKey("web", "c1")):
        print("held", flush=True)
        await asyncio.sleep(60)

asyncio.run(main())
"""


async def test_a_slow_live_holder_keeps_its_lock(redis_server: RedisServer) -> None:
    a, b = two_processes(redis_server, timeout=0.3, wait=5.0)
    order: list[str] = []

    async def slow() -> None:
        async with a.lock(CHAT):
            order.append("slow in")
            await asyncio.sleep(1.0)  # three timeouts: renewal keeps the lock
            order.append("slow out")

    task = asyncio.create_task(slow())
    await asyncio.sleep(0.1)
    async with b.lock(CHAT):
        order.append("fast in")
    await task
    assert order == ["slow in", "slow out", "fast in"]


async def test_waiting_too_long_gives_up_and_leaves_the_holder_alone(
    redis_server: RedisServer,
) -> None:
    a, b = two_processes(redis_server, timeout=5.0, wait=0.2)
    async with a.lock(CHAT):
        with pytest.raises(LockTimeout):
            async with b.lock(CHAT):
                pass
        assert len(await redis_server.keys("lock:*")) == 1


async def test_an_expired_holder_does_not_release_the_next_ones_lock(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.stores")
    a, b = two_processes(redis_server, timeout=5.0, wait=1.0)
    async with a.lock(CHAT):
        (key,) = await redis_server.keys("lock:*")
        await redis_server.clients[0].delete(key)  # as if it had expired
        b_lock = b.lock(CHAT)
        await b_lock.__aenter__()
        token = await redis_server.clients[0].get(key)
    assert await redis_server.clients[0].get(key) == token  # b's lock survived a's exit
    assert "expired before its turn ended" in caplog.text
    await b_lock.__aexit__(None, None, None)
    assert await redis_server.keys("lock:*") == []


async def test_one_processes_messages_of_a_chat_take_turns_in_arrival_order(
    redis_server: RedisServer,
) -> None:
    """Regression: waiters polled Redis every 50 ms, so a later message could go first."""
    locks = RedisLocks(redis_server.client(), prefix=redis_server.prefix)
    order: list[str] = []

    async def turn(name: str, arrives: float, holds: float) -> None:
        await asyncio.sleep(arrives)
        async with locks.lock(CHAT):
            order.append(name)
            await asyncio.sleep(holds)

    await asyncio.gather(
        turn("first", 0.0, 0.075),
        *(turn(f"then {i}", 0.01 + i * 0.015, 0.0) for i in range(4)),
    )
    assert order == ["first", "then 0", "then 1", "then 2", "then 3"]
    assert await redis_server.keys("lock:*") == []


async def test_a_message_waiting_in_the_same_process_gives_up_after_the_wait(
    redis_server: RedisServer,
) -> None:
    locks = RedisLocks(redis_server.client(), prefix=redis_server.prefix, wait=0.2)
    async with locks.lock(CHAT):
        with pytest.raises(LockTimeout):
            async with locks.lock(CHAT):
                pass
        assert len(await redis_server.keys("lock:*")) == 1  # the holder still holds it
    async with locks.lock(CHAT):  # and nothing was left behind for the next message
        pass
    assert await redis_server.keys("lock:*") == []
