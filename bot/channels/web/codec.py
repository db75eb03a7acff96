"""JSON in, JSON out: validates a chat POST body and renders replies for the page."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

from bot.channels.web.mailbox import MAX_ID
from bot.core.messages import GeoPoint, Reply

logger = logging.getLogger(__name__)

MAX_ID_CHARS = 100
MAX_PAYLOAD_CHARS = 256
MAX_ECHO_CHARS = 256


class BadRequest(Exception):
    """A request the API refuses with 400; ``code`` is stable, ``message`` is for people."""

    def __init__(self, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


@dataclass(frozen=True, slots=True)
class ChatInput:
    """A validated chat POST: exactly one of text, payload or location."""

    client_id: str | None
    text: str | None = None
    payload: str | None = None
    location: GeoPoint | None = None
    language_hint: str | None = None
    echo: str | None = None  # the pressed button's title, as the page showed it


def _coordinate(value: Any, name: str, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRequest("bad_location", f"location.{name} must be a number")
    if not math.isfinite(value) or abs(value) > limit:
        raise BadRequest("bad_location", f"location.{name} must be between -{limit} and {limit}")
    return float(value)


def _optional_string(body: dict[str, Any], key: str, limit: int) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise BadRequest(f"bad_{key}", f'"{key}" must be a non-empty string of at most {limit}')
    return value


def parse_chat_input(body: Any, max_text_chars: int) -> ChatInput:
    """Validates a decoded POST /api/chat/messages body.

    Raises:
        BadRequest: naming the field that is wrong.
    """
    if not isinstance(body, dict):
        raise BadRequest("bad_json", "the body must be a JSON object")
    kinds = [key for key in ("text", "payload", "location") if body.get(key) is not None]
    if len(kinds) != 1:
        raise BadRequest("bad_fields", 'send exactly one of "text", "payload" or "location"')
    client_id = _optional_string(body, "id", MAX_ID_CHARS)
    lang = _optional_string(body, "lang", 16)
    text = body.get("text")
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            raise BadRequest("bad_text", '"text" must be a non-empty string')
        if len(text) > max_text_chars:
            raise BadRequest(
                "text_too_long",
                f"the message is longer than {max_text_chars} characters; please shorten it",
                max_chars=max_text_chars,
            )
        return ChatInput(client_id, text=text, language_hint=lang)
    payload = _optional_string(body, "payload", MAX_PAYLOAD_CHARS)
    if payload is not None:
        echo = _optional_string(body, "echo", MAX_ECHO_CHARS)
        return ChatInput(client_id, payload=payload, language_hint=lang, echo=echo)
    where = body["location"]
    if not isinstance(where, dict):
        raise BadRequest("bad_location", '"location" must be an object with "lat" and "lon"')
    point = GeoPoint(
        _coordinate(where.get("lat"), "lat", 90), _coordinate(where.get("lon"), "lon", 180)
    )
    return ChatInput(client_id, location=point, language_hint=lang)


def parse_after(raw: str | None) -> int | None:
    """A poll's ``after``: the id of the last pushed message the page received.

    Returns:
        The id, or None when absent (a client that does not acknowledge).

    Raises:
        BadRequest: ``bad_after`` for anything but a whole number from 0 to MAX_ID.
    """
    if raw is None:
        return None
    # Digits only (no sign, no spaces); the length check keeps int() off huge strings.
    if raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_ID)) and int(raw) <= MAX_ID:
        return int(raw)
    message = f"after must be the id of the last message received, from 0 to {MAX_ID}"
    raise BadRequest("bad_after", message)


def render_reply(reply: Reply) -> dict[str, Any]:
    """Renders one Reply as the JSON object the page and embedders read."""
    card = reply.location
    return {
        "text": reply.text,
        "buttons": [
            {"title": b.title, "payload": b.payload}
            if b.url is None
            else {"title": b.title, "payload": b.payload, "url": b.url}
            for b in reply.buttons
        ],
        "location": None
        if card is None
        else {"lat": card.lat, "lon": card.lon, "title": card.title, "address": card.address},
        "image": None if reply.image is None else reply.image.data_uri(),
        "request_location": reply.request_location,
    }
