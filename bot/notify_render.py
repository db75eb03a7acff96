"""Outbox payloads <-> Reply: translate keys at delivery time, in the recipient's language.

A payload (see catalog.orders.notices) is either translated, ``{"lang", "key", "params",
"buttons": [{"key" | "title", "payload"}]}``, or already rendered, ``{"text", "buttons"}``.
Either may carry ``"image"``: ``{"url": ...}`` or ``{"png": <base64>, "filename": ...}``
(catalog.payments.notices: a VietQR code), delivered as the reply's `Image`.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable
from typing import Any

from bot.core.images import Image
from bot.core.messages import Button, Reply

logger = logging.getLogger(__name__)

#: ``translate(lang, key, **params)``, e.g. ``I18n.t``.
Translate = Callable[..., str]
NESTING = 3


class OutboxRenderer:
    """Turns one outbox payload into the replies to send.

    Args:
        translate: the message catalogs' lookup, ``I18n.t``; a parameter that is itself
            ``{"key": ..., "params": ...}`` is translated first (delivery, payment).
    """

    def __init__(self, translate: Translate) -> None:
        self._t = translate

    def __call__(self, payload: dict[str, Any]) -> list[Reply]:
        lang = payload.get("lang")
        text = self._text(lang, payload, 0)
        buttons = tuple(
            Button(self._text(lang, b, 0), str(b["payload"])) for b in payload.get("buttons", [])
        )
        return [Reply(text, buttons=buttons, image=payload_image(payload.get("image")))]

    def _text(self, lang: str | None, item: dict[str, Any], depth: int) -> str:
        if "key" not in item:
            return str(item.get("text", item.get("title", "")))
        params = {name: self._value(lang, v, depth) for name, v in item.get("params", {}).items()}
        return self._t(lang, str(item["key"]), **params)

    def _value(self, lang: str | None, value: Any, depth: int) -> Any:
        if isinstance(value, dict) and "key" in value and depth < NESTING:
            return self._text(lang, value, depth + 1)
        return value


def rendered_payload(replies: list[Reply]) -> dict[str, Any]:
    """Serialises already-rendered replies for the outbox (one text, the buttons joined)."""
    return {
        "text": "\n\n".join(r.text for r in replies),
        "buttons": [{"title": b.title, "payload": b.payload} for r in replies for b in r.buttons],
        "image": next((image_payload(r.image) for r in replies if r.image), None),
    }


def image_payload(image: Image) -> dict[str, str]:
    """An `Image` as JSON for the outbox: its URL, or its PNG in base64."""
    if image.url is not None:
        return {"url": image.url}
    return {"png": base64.b64encode(image.png or b"").decode("ascii"), "filename": image.filename}


def payload_image(value: Any) -> Image | None:
    """The outbox's ``image`` back as an `Image`; a malformed one is dropped (the text, which
    carries the same details, still goes) with one log line."""
    if value is None:
        return None
    try:
        if "url" in value:
            return Image.from_url(str(value["url"]))
        png = base64.b64decode(str(value["png"]), validate=True)
        return Image.from_png(png, str(value.get("filename") or "image.png"))
    except (TypeError, KeyError, ValueError, binascii.Error):
        logger.warning("outbox image left out: not a URL or a PNG")
        return None
