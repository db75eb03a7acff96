"""Outbox payloads <-> Reply: translate keys at delivery time, in the recipient's language.

A payload (see catalog.orders.notices) is either translated, ``{"lang", "key", "params",
"buttons": [{"key" | "title", "payload"}]}``, or already rendered, ``{"text", "buttons"}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.core.messages import Button, Reply

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
        return [Reply(text, buttons=buttons, image=payload.get("image"))]  # image: a VietQR

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
        "image": next((r.image for r in replies if r.image), None),
    }
