"""The Zalo Bot Platform's HTTP API: `POST {api_base}/bot<TOKEN>/<method>` with JSON."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

from bot.channels.zalo_bot.errors import QuotaExceeded, TransientError, ZaloApiError

logger = logging.getLogger(__name__)

# The Bot Platform answers like Telegram's: HTTP 429 / error_code 429 when calls come too fast.
QUOTA_CODES = frozenset({429})
# getUpdates answers 408 when its long poll ends without an event.
NO_UPDATES = 408
Session = Callable[[], Awaitable[aiohttp.ClientSession]]


class ZaloBotApi:
    """Calls Bot API methods; errors are raised as ZaloApiError subclasses, never with the
    token in their text (it is part of every URL)."""

    def __init__(self, session: Session, api_base: str, token: str, timeout: float = 15.0):
        self._session = session
        self._base = api_base.rstrip("/")
        self._token = token
        self._timeout = timeout

    def mask(self, text: str) -> str:
        """Replaces the token wherever it appears."""
        return text.replace(self._token, "<token>")

    async def call(
        self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None
    ) -> Any:
        """Calls one method and returns its `result`.

        Raises:
            QuotaExceeded: on HTTP 429 or a quota error code.
            TransientError: on network faults, 5xx and unreadable answers.
            ZaloApiError: on any other refusal.
        """
        url = f"{self._base}/bot{self._token}/{method}"
        wait = aiohttp.ClientTimeout(total=timeout or self._timeout)
        session = await self._session()
        try:
            async with session.post(url, json=params or {}, timeout=wait) as response:
                status = response.status
                try:
                    body = await response.json(content_type=None)
                except ValueError:
                    body = None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise TransientError(None, self.mask(f"{method}: {type(exc).__name__}")) from None
        return self._result(method, status, body)

    @staticmethod
    def _result(method: str, status: int, body: Any) -> Any:
        if not isinstance(body, dict):
            raise TransientError(status, f"{method}: HTTP {status} without a JSON answer")
        if body.get("ok") is True:
            return body.get("result")
        code = body.get("error_code", status)
        code = code if isinstance(code, int) else status
        description = f"{method}: {body.get('description') or 'refused'}"
        if status == 429 or code in QUOTA_CODES:
            retry_after = (body.get("parameters") or {}).get("retry_after")
            after = float(retry_after) if isinstance(retry_after, int | float) else None
            raise QuotaExceeded(code, description, after)
        if status >= 500:
            raise TransientError(code, description)
        raise ZaloApiError(code, description)
