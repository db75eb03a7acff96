"""The web chat's replay cache: bounded by finished answers, never forgetting a running one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from bot.channels.web.replay import ReplayCache, Result


def answer(text: str, runs: list[str], delay: float = 0.0) -> Callable[[], Awaitable[Result]]:
    async def compute() -> Result:
        runs.append(text)
        await asyncio.sleep(delay)
        return [{"text": text}]

    return compute


async def test_only_the_latest_finished_answers_are_kept() -> None:
    cache, runs = ReplayCache(size=2), list[str]()
    for key in ("a", "b", "c"):
        await cache.run(key, answer(key, runs))

    assert await cache.run("c", answer("c again", runs)) == [{"text": "c"}]
    assert await cache.run("a", answer("a again", runs)) == [{"text": "a again"}]
    assert runs == ["a", "b", "c", "a again"]


async def test_a_running_attempt_is_never_forgotten_however_many_finish_meanwhile() -> None:
    cache, runs = ReplayCache(size=1), list[str]()
    slow = asyncio.create_task(cache.run("slow", answer("slow", runs, delay=0.05)))
    await asyncio.sleep(0)
    for key in ("x", "y", "z"):
        await cache.run(key, answer(key, runs))

    retry = await cache.run("slow", answer("slow twice", runs))

    assert retry == await slow == [{"text": "slow"}]
    assert "slow twice" not in runs


async def test_a_failed_attempt_lets_the_retry_run() -> None:
    cache, runs = ReplayCache(size=4), list[str]()

    async def broken() -> Result:
        raise RuntimeError("engine down")

    with pytest.raises(RuntimeError):
        await cache.run("m", broken)
    assert await cache.run("m", answer("m", runs)) == [{"text": "m"}]
