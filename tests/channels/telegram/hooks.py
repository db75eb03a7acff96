"""Webhook test helpers: the settings that turn webhook mode on, and Telegram's POST."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
from aiohttp import web
from pydantic import SecretStr

Serve = Callable[[web.Application], Awaitable[str]]
SECRET = "s3cret-Token_42"
HOOK = {
    "mode": "webhook",
    "webhook_url": "https://ocop.example/telegram/webhook",
    "webhook_secret": SecretStr(SECRET),
}


async def post(url: str, body: object, secret: str | None = SECRET) -> int:
    """POSTs an update as Telegram does, with the secret header unless it is None."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers) as r,
    ):
        return r.status
