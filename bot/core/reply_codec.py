"""Replies to JSON and back, so the replies of a processed message can be stored and replayed."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.core.messages import Button, LocationCard, Reply

#: Stored replies are capped: a retry needs the answer, not an archive.
MAX_STORED_CHARS = 20_000


def replies_to_json(replies: list[Reply]) -> list[dict[str, Any]] | None:
    """Serialises replies for the de-duplication record; None if they are too large to keep."""
    data = [asdict(reply) for reply in replies]
    if len(repr(data)) > MAX_STORED_CHARS:
        return None
    return data


def replies_from_json(data: Any) -> list[Reply] | None:
    """Rebuilds stored replies; None for a missing or unreadable record."""
    if not isinstance(data, list):
        return None
    try:
        return [_reply(item) for item in data]
    except (TypeError, KeyError, ValueError):
        return None


def _reply(item: dict[str, Any]) -> Reply:
    card = item.get("location")
    return Reply(
        text=str(item["text"]),
        buttons=tuple(Button(str(b["title"]), str(b["payload"])) for b in item.get("buttons", [])),
        location=LocationCard(**card) if isinstance(card, dict) else None,
        image=item.get("image"),
        request_location=bool(item.get("request_location", False)),
        replace_previous=bool(item.get("replace_previous", False)),
    )
