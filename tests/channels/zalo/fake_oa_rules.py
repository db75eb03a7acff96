"""What the OA customer-service API refuses: a text of 0 or more than 2000 UTF-16 units, an
image template that is neither an http(s) URL nor an uploaded attachment_id (the official
SDKs' MessageBuilder shapes: zaloplatform/zalo-php-sdk, zalo-java-sdk v3/SendImageCSMessage)."""

from __future__ import annotations

from typing import Any

MAX_TEXT_UNITS = 2000
MAX_UPLOAD_BYTES = 1024 * 1024


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def message_problem(message: dict[str, Any], uploads: dict[str, bytes]) -> str | None:
    """Why the CS API would refuse `message` (-201), None if it takes it."""
    if "text" in message and "attachment" not in message:
        text = message["text"]
        if not isinstance(text, str) or not 1 <= utf16_units(text) <= MAX_TEXT_UNITS:
            return "text must be 1-2000 characters"
        return None
    attachment = message.get("attachment") or {}
    element = ((attachment.get("payload") or {}).get("elements") or [None])[0]
    if not isinstance(element, dict) or element.get("media_type") != "image":
        return "unknown message"
    if "attachment_id" in element:
        return None if element["attachment_id"] in uploads else "unknown attachment_id"
    url = element.get("url")
    return None if isinstance(url, str) and url.startswith("http") else "no image url"
