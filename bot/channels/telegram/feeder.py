"""Feeds raw updates to the dispatcher: each parsed alone, one chat at a time, never raising."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from pydantic import ValidationError

logger = logging.getLogger(__name__)


def chat_key(update: Update) -> str:
    """The chat an update belongs to, so one chat's updates run in arrival order."""
    event = update.event
    chat = getattr(event, "chat", None) or getattr(getattr(event, "message", None), "chat", None)
    if chat is not None:
        return str(chat.id)
    user = getattr(event, "from_user", None)
    return f"user:{user.id}" if user is not None else "unknown"


class UpdateFeeder:
    """Runs each update as a task; updates of one chat wait for each other, in order."""

    def __init__(self, bot: Bot, dispatcher: Dispatcher) -> None:
        self._bot = bot
        self._dispatcher = dispatcher
        self._tasks: set[asyncio.Task[None]] = set()
        self._chat_tails: dict[str, asyncio.Task[None]] = {}

    def feed(self, raw: Any) -> asyncio.Task[None] | None:
        """Schedules one raw update (returns its task); a malformed or unknown one is logged
        and skipped (None)."""
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        try:
            update = Update.model_validate(raw, context={"bot": self._bot})
            update.event_type  # noqa: B018 - raises for an update type aiogram does not know
        except (ValidationError, LookupError) as exc:
            logger.warning("update %s skipped: %s", update_id, type(exc).__name__)
            return None
        key = chat_key(update)
        previous = self._chat_tails.get(key)
        task = asyncio.create_task(self._process(update, previous), name=f"tg-update-{update_id}")
        self._chat_tails[key] = task
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._forget(key, done))
        return task

    def _forget(self, key: str, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if self._chat_tails.get(key) is task:
            del self._chat_tails[key]

    async def _process(self, update: Update, previous: asyncio.Task[None] | None) -> None:
        if previous is not None:
            await asyncio.wait({previous})
        try:
            await self._dispatcher.feed_update(self._bot, update)
        except Exception:
            logger.exception("update %s failed", update.update_id)

    async def drain(self) -> None:
        """Waits until every scheduled update has been processed."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def close(self, timeout: float = 10.0) -> None:
        """Lets running updates finish for up to `timeout` seconds, then cancels the rest."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(set(self._tasks))
