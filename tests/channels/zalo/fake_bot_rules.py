"""What the Zalo Bot Platform refuses (https://bot.zaloplatforms.com/docs: sendMessage text
up to 2000 characters, counted like Telegram's in UTF-16 units; sendPhoto takes a photo URL;
setWebhook an https URL and a secret_token of 8-256 characters)."""

from __future__ import annotations

from typing import Any


def problem_in(method: str, params: dict[str, Any]) -> str | None:
    """What the platform would refuse in these parameters."""
    if method == "sendMessage":
        text = params.get("text")
        units = len(text.encode("utf-16-le")) // 2 if isinstance(text, str) else 0
        return None if 1 <= units <= 2000 else "text must be 1-2000 characters"
    if method == "sendPhoto":
        photo = params.get("photo")
        ok = isinstance(photo, str) and photo.startswith(("https://", "http://"))
        return None if ok else "photo must be a URL"
    if method == "setWebhook":
        secret = params.get("secret_token")
        if not str(params.get("url", "")).startswith("https://"):
            return "url must be https"
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            return "secret_token must be 8-256 characters"
    return None
