"""The OA Open API calls the channel makes: the customer-service message
(`POST {api_base}/v3.0/oa/message/cs`) and the image upload
(`POST {api_base}/v2.0/oa/upload/image`, multipart `file`, answering `data.attachment_id`),
as the official SDKs call them (zaloplatform/zalo-java-sdk, zalo-php-sdk)."""

from __future__ import annotations

from typing import Any

import aiohttp

from bot.channels.zalo_bot.api import Session
from bot.channels.zalo_bot.errors import QuotaExceeded, TransientError, ZaloApiError
from bot.channels.zalo_oa.errors import EXPIRED_TOKEN_CODES, QUOTA_CODES, TokenExpired
from bot.core.images import Image

CS_PATH = "/v3.0/oa/message/cs"
UPLOAD_IMAGE_PATH = "/v2.0/oa/upload/image"


def text_message(text: str) -> dict[str, Any]:
    return {"text": text}


def image_message(url: str | None = None, attachment_id: str | None = None) -> dict[str, Any]:
    """A media template with one image, by URL or by an uploaded attachment's id."""
    element: dict[str, Any] = {"media_type": "image"}
    if attachment_id is not None:
        element["attachment_id"] = attachment_id
    else:
        element["url"] = url
    payload = {"template_type": "media", "elements": [element]}
    return {"attachment": {"type": "template", "payload": payload}}


class OaApi:
    """Calls the OA API; errors come back as ZaloApiError subclasses."""

    def __init__(self, session: Session, api_base: str, timeout: float = 15.0) -> None:
        self._session = session
        self._base = api_base.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, access_token: str, user_id: str, message: dict[str, Any]) -> Any:
        """Sends `message` to `user_id` and returns the answer's `data`.

        Raises:
            TokenExpired: the access token no longer works (-216, -220).
            QuotaExceeded: HTTP 429 or the OA quota code.
            TransientError: network faults, 5xx, unreadable answers.
            ZaloApiError: any other refusal.
        """
        body = {"recipient": {"user_id": user_id}, "message": message}
        return await self._post(CS_PATH, "message/cs", access_token, json=body)

    async def upload_image(self, access_token: str, image: Image) -> str:
        """Uploads a PNG and returns its attachment_id (same errors as `send`)."""
        form = aiohttp.FormData()
        form.add_field("file", image.png or b"", filename=image.filename, content_type="image/png")
        data = await self._post(UPLOAD_IMAGE_PATH, "upload/image", access_token, data=form)
        attachment = data.get("attachment_id") if isinstance(data, dict) else None
        if not isinstance(attachment, str) or not attachment:
            raise TransientError(None, "upload/image: no attachment_id in the answer")
        return attachment

    async def _post(self, path: str, what: str, access_token: str, **body: Any) -> Any:
        session = await self._session()
        headers = {"access_token": access_token}
        try:
            async with session.post(
                self._base + path, headers=headers, timeout=self._timeout, **body
            ) as response:
                status = response.status
                try:
                    answer = await response.json(content_type=None)
                except ValueError:
                    answer = None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise TransientError(None, f"{what}: {type(exc).__name__}") from None
        if status == 429:
            raise QuotaExceeded(429, f"{what}: too many requests")
        if status >= 500 or not isinstance(answer, dict):
            raise TransientError(status, f"{what}: HTTP {status}")
        code = answer.get("error", 0)
        if code == 0:
            return answer.get("data")
        text = f"{what}: {answer.get('message') or 'refused'}"
        if code in EXPIRED_TOKEN_CODES:
            raise TokenExpired(code, text)
        if code in QUOTA_CODES:
            raise QuotaExceeded(code, text)
        raise ZaloApiError(code if isinstance(code, int) else None, text)
