"""The token buckets, timed on the event loop's clock."""

from __future__ import annotations

import asyncio

from bot.channels.telegram.ratelimit import RateLimiter, RateLimits, TokenBucket


async def test_a_bucket_allows_its_burst_then_its_rate() -> None:
    bucket = TokenBucket(rate=20, burst=3)
    loop = asyncio.get_running_loop()
    start = loop.time()
    stamps = []
    for _ in range(7):
        await bucket.acquire()
        stamps.append(loop.time() - start)
    assert stamps[2] < 0.03  # the burst goes at once
    assert 0.18 <= stamps[6] < 0.35  # then 4 more at 20/s


async def test_chats_are_limited_separately_and_groups_more_slowly() -> None:
    limiter = RateLimiter(
        RateLimits(
            overall_rate=1000,
            overall_burst=100,
            chat_rate=20,
            chat_burst=1,
            group_rate=5,
            group_burst=1,
        )
    )
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(*(limiter.acquire(chat) for chat in ("1", "2", "3", "4")))
    assert loop.time() - start < 0.03
    for _ in range(2):
        await limiter.acquire("-100")
    assert loop.time() - start >= 0.18


async def test_idle_chat_buckets_are_forgotten() -> None:
    limiter = RateLimiter(RateLimits(chat_rate=1000, chat_burst=1), max_idle_chats=2)
    for chat in ("1", "2"):
        await limiter.acquire(chat)
    await asyncio.sleep(0.01)
    await limiter.acquire("3")
    assert set(limiter._chats) == {"3"}
