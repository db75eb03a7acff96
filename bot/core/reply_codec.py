"""Replies to JSON and back, so the replies of a processed message can be stored and replayed."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from bot.core.images import Image
from bot.core.messages import Button, LocationCard, Reply

#: Stored replies are capped: a retry needs the answer, not an archive.
MAX_STORED_CHARS = 20_000


def replies_to_json(replies: list[Reply]) -> list[dict[str, Any]] | None:
    """Serialises replies for the de-duplication record; None if they are too large to keep."""
    data = [_to_json(reply) for reply in replies]
    if _size(data) > MAX_STORED_CHARS:
        return None
    return data


def _size(data: list[dict[str, Any]]) -> int:
    """Roughly the characters of the stored JSON (texts and images dominate)."""
    size = 0
    for item in data:
        size += len(item["text"]) + 100
        for button in item["buttons"]:
            size += len(button["title"]) + len(button["payload"]) + len(button["url"] or "")
        image = item["image"]
        if image is not None:
            size += len(image.get("url") or image.get("png") or "")
    return size


def replies_from_json(data: Any) -> list[Reply] | None:
    """Rebuilds stored replies; None for a missing or unreadable record."""
    if not isinstance(data, list):
        return None
    try:
        return [_reply(item) for item in data]
    except (TypeError, KeyError, ValueError, binascii.Error):
        return None


def _to_json(reply: Reply) -> dict[str, Any]:
    return {
        "text": reply.text,
        "buttons": [
            {"title": button.title, "payload": button.payload, "url": button.url}
            for button in reply.buttons
        ],
        "location": _location_to_json(reply.location),
        "image": _image_to_json(reply.image),
        "request_location": reply.request_location,
        "replace_previous": reply.replace_previous,
    }


def _location_to_json(location: LocationCard | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "lat": location.lat,
        "lon": location.lon,
        "title": location.title,
        "address": location.address,
    }


def _image_to_json(image: Image | None) -> dict[str, Any] | None:
    """A URL as it is; a PNG the bot made (an invite QR code) as base64."""
    if image is None:
        return None
    if image.url is not None:
        return {"url": image.url}
    png = base64.b64encode(image.png or b"").decode("ascii")
    return {"png": png, "filename": image.filename}


def _image(item: Any) -> Image | None:
    if isinstance(item, str):  # stored before images could be PNGs: a URL
        return Image.from_url(item)
    if not isinstance(item, dict):
        return None
    if "url" in item:
        return Image.from_url(str(item["url"]))
    png = base64.b64decode(str(item["png"]), validate=True)
    return Image.from_png(png, str(item.get("filename", "image.png")))


def _reply(item: dict[str, Any]) -> Reply:
    card = item.get("location")
    buttons = tuple(
        Button(str(b["title"]), str(b["payload"]), b.get("url")) for b in item.get("buttons", [])
    )
    return Reply(
        text=str(item["text"]),
        buttons=buttons,
        location=LocationCard(**card) if isinstance(card, dict) else None,
        image=_image(item.get("image")),
        request_location=bool(item.get("request_location", False)),
        replace_previous=bool(item.get("replace_previous", False)),
    )
