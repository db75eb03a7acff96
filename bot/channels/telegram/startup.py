"""What the bot tells Telegram when it starts: its command menu, its webhook (or none)."""

from __future__ import annotations

import logging
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.methods import SetMyCommands, TelegramMethod
from aiogram.types import BotCommand
from aiogram.utils.backoff import Backoff, BackoffConfig

from bot.channels.telegram.sender import Sender
from bot.channels.telegram.texts import DEFAULT_LANGUAGE, TelegramTexts

logger = logging.getLogger(__name__)

RETRY = BackoffConfig(min_delay=1.0, max_delay=60.0, factor=2.0, jitter=0.1)


async def insist(
    sender: Sender, method: TelegramMethod[Any], backoff: BackoffConfig = RETRY
) -> None:
    """Calls a setup method until Telegram accepts it (an outage must not stop the process)."""
    delays = Backoff(backoff)
    while True:
        try:
            await sender.call(method)
            return
        except TelegramAPIError as exc:
            logger.error(
                "telegram %s failed (%s); retrying in %.0fs",
                method.__api_method__,
                sender.describe(exc),
                delays.next_delay,
            )
            await delays.asleep()


async def publish_commands(sender: Sender, texts: TelegramTexts) -> None:
    """Publishes the command menu in Vietnamese (also the default menu) and English."""
    for language in (None, *texts.languages):
        menu = texts.commands(language or DEFAULT_LANGUAGE)
        commands = [BotCommand(command=c, description=d) for c, d in menu.items()]
        try:
            await sender.call(SetMyCommands(commands=commands, language_code=language))
        except TelegramAPIError as exc:
            logger.warning("setMyCommands(%s) failed: %s", language, type(exc).__name__)
