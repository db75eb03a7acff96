"""The real engine, wired with a one-row router, for tests that rely on its dedup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.core.engine import Engine
from bot.core.messages import Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from tests.core.fakes import FakeNlu, build_engine, memory_sessions


async def echo_text(turn: Turn) -> Outcome:
    """Says back what came in."""
    said = turn.msg.text or turn.msg.payload or ""
    return Outcome([Reply(f"echo {said}")])


@asynccontextmanager
async def echo_engine() -> AsyncIterator[Engine]:
    """A real Engine (dedup, locks, state) whose only handler echoes."""
    router = Router()
    router.set_fallback(echo_text)
    async with memory_sessions() as sessions:
        yield build_engine(sessions, router, FakeNlu({}))
