"""The OA customer-service message API: `POST {api_base}/v3.0/oa/message/cs`."""

from __future__ import annotations

from typing import Any

import aiohttp

from bot.channels.zalo_bot.api import Session
from bot.channels.zalo_bot.errors import QuotaExceeded, TransientError, ZaloApiError
from bot.channels.zalo_oa.errors import EXPIRED_TOKEN_CODES, QUOTA_CODES, TokenExpired

CS_PATH = "/v3.0/oa/message/cs"


def text_message(text: str) -> dict[str, Any]:
    return {"text": text}


def image_message(url: str) -> dict[str, Any]:
    element = {"media_type": "image", "url": url}
    payload = {"template_type": "media", "elements": [element]}
    return {"attachment": {"type": "template", "payload": payload}}


class OaApi:
    """Sends one message to one follower; errors come back as ZaloApiError subclasses."""

    def __init__(self, session: Session, api_base: str, timeout: float = 15.0) -> None:
        self._session = session
        self._url = api_base.rstrip("/") + CS_PATH
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, access_token: str, user_id: str, message: dict[str, Any]) -> Any:
        """Sends `message` to `user_id` and returns the answer's `data`.

        Raises:
            TokenExpired: the access token no longer works.
            QuotaExceeded: HTTP 429 or the OA quota code.
            TransientError: network faults, 5xx, unreadable answers.
            ZaloApiError: any other refusal.
        """
        body = {"recipient": {"user_id": user_id}, "message": message}
        session = await self._session()
        try:
            async with session.post(
                self._url, json=body, headers={"access_token": access_token}, timeout=self._timeout
            ) as response:
                status = response.status
                try:
                    answer = await response.json(content_type=None)
                except ValueError:
                    answer = None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise TransientError(None, f"message/cs: {type(exc).__name__}") from None
        if status == 429:
            raise QuotaExceeded(429, "message/cs: too many requests")
        if status >= 500 or not isinstance(answer, dict):
            raise TransientError(status, f"message/cs: HTTP {status}")
        code = answer.get("error", 0)
        if code == 0:
            return answer.get("data")
        text = f"message/cs: {answer.get('message') or 'refused'}"
        if code in EXPIRED_TOKEN_CODES:
            raise TokenExpired(code, text)
        if code in QUOTA_CODES:
            raise QuotaExceeded(code, text)
        raise ZaloApiError(code if isinstance(code, int) else None, text)
