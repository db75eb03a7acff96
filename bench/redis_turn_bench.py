"""Redis cost of one turn in scale-out: lock + get + set + release, old wiring vs new.

Old: RedisLocks and RedisStateStore (SET NX PX, GET, SET PX, EVALSHA release: 4 round trips).
New: RedisConversations (EVALSHA take-and-read, EVALSHA save-and-release: 2 round trips).
Both run in the same process against the same Redis, in alternating rounds, one turn at a
time; the figures are this process's CPU (time.process_time) and wall time per turn, not
the Redis server's. A last pair of lines prices one failed attempt on a busy lock (the
retry loop's step): SET NX against the take script.

Usage: .venv/bin/python bench/redis_turn_bench.py [--turns 5000] [--url redis://127.0.0.1:6379]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from collections.abc import Awaitable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from redis.asyncio import Redis  # noqa: E402

from bot.core.locks import LockProvider  # noqa: E402
from bot.core.messages import ConversationKey  # noqa: E402
from bot.core.state import Conversation, StateStore  # noqa: E402
from bot.stores import RedisConversations, RedisLocks, RedisStateStore  # noqa: E402

CHATS = [ConversationKey("web", f"bench-{n}") for n in range(100)]
ROUNDS = 5


def sample_state() -> dict[str, object]:
    conv = Conversation(lang="vi", step="order:contact", options=["o:confirm", "o:edit"])
    conv.memory.focus_products(["nuoc-mam-cai-rong", "tra-hoa-vang-quy-hoa"])
    conv.memory.order = {"cart": [{"product": "nuoc-mam-cai-rong", "quantity": 2}]}
    conv.memory.contact = {"name": "Nguyễn Văn An", "address": "Hạ Long"}
    return conv.to_dict()


async def turns(store: StateStore, locks: LockProvider, count: int, offset: int) -> None:
    state = sample_state()
    for n in range(count):
        key = CHATS[(n + offset) % len(CHATS)]
        async with locks.lock(key):
            await store.get(key)
            await store.set(key, state)


async def timed(run: Awaitable[None]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    await run
    return time.process_time() - cpu, time.perf_counter() - wall


async def failed_attempts(redis: Redis, prefix: str, count: int) -> tuple[float, float]:
    """CPU per failed attempt on a held lock: (SET NX PX, take script)."""
    new = RedisConversations(redis, prefix=prefix)
    key = CHATS[0]
    name = f"{prefix}:lock:{key.channel}:{key.namespace}:{key.chat_id}"
    await redis.set(name, "someone-else", px=60_000)
    old = RedisLocks(redis, prefix=prefix)
    old_cpu, _ = await timed(_attempts(old, key, name, count))
    new_cpu, _ = await timed(_attempts(new, key, name, count))
    await redis.delete(name)
    return old_cpu / count, new_cpu / count


async def _attempts(locks: RedisLocks, key: ConversationKey, name: str, count: int) -> None:
    for _ in range(count):
        assert not await locks._take(key, name, "bench")


async def main(url: str, count: int) -> None:
    redis = Redis.from_url(url)
    prefix = f"ocopbot-bench:{uuid.uuid4().hex[:8]}"
    old_store, old_locks = RedisStateStore(redis, prefix=prefix), RedisLocks(redis, prefix=prefix)
    new = RedisConversations(redis, prefix=prefix)
    per_round = count // ROUNDS
    totals = {"old": [0.0, 0.0], "new": [0.0, 0.0]}
    try:
        await turns(old_store, old_locks, 200, 0)  # warm up: connections, scripts loaded
        await turns(new, new, 200, 0)
        for r in range(ROUNDS):
            for label, store, locks in (("old", old_store, old_locks), ("new", new, new)):
                cpu, wall = await timed(turns(store, locks, per_round, r))
                totals[label][0] += cpu
                totals[label][1] += wall
        done = per_round * ROUNDS
        print(f"{done} turns each, lock + get + set + release, one at a time")
        for label, trips in (("old", 4), ("new", 2)):
            cpu, wall = totals[label]
            print(
                f"  {label}: {cpu / done * 1e6:6.1f} µs CPU/turn, "
                f"{wall / done * 1e6:6.1f} µs wall/turn ({trips} round trips)"
            )
        set_nx, script = await failed_attempts(redis, prefix, max(1, count // 5))
        print("one failed attempt on a busy lock (the retry loop's step)")
        print(f"  SET NX PX: {set_nx * 1e6:6.1f} µs CPU; take script: {script * 1e6:6.1f} µs CPU")
    finally:
        keys = [k async for k in redis.scan_iter(f"{prefix}:*")]
        if keys:
            await redis.delete(*keys)
        await redis.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--url", default="redis://127.0.0.1:6379")
    args = parser.parse_args()
    asyncio.run(main(args.url, args.turns))
