"""Button payloads: short `topic:action[:arg...]` strings that fit Telegram's 64 bytes.

Formats in use: `nav:help`, `nav:products`, `p:info:<product id>`, `p:price:<id>`,
`p:shops:<id>`, `p:page:<n>`, `s:near`, `s:district:<id>`, `s:online`, `t:district:<id>`,
`t:place:<id>`, `lang:vi`, `ask:<topic>`.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PAYLOAD_BYTES = 60
SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class Payload:
    """A parsed payload: the route (`p:info`) and its arguments."""

    route: str
    args: tuple[str, ...] = ()

    @property
    def arg(self) -> str | None:
        return self.args[0] if self.args else None


def make_payload(*parts: str | int) -> str:
    """Joins parts into a payload, refusing one that is too long for every channel.

    Args:
        parts: the topic, the action and the arguments, e.g. ("p", "info", "mien-dong").

    Returns:
        The payload string, e.g. "p:info:mien-dong".

    Raises:
        ValueError: if the payload would pass MAX_PAYLOAD_BYTES or a part has a colon.
    """
    texts = [str(part) for part in parts]
    if any(SEPARATOR in text for text in texts[:2]):
        raise ValueError(f"payload topic/action may not hold '{SEPARATOR}': {texts!r}")
    payload = SEPARATOR.join(texts)
    if len(payload.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"payload too long ({len(payload.encode('utf-8'))} bytes): {payload}")
    return payload


def parse_payload(payload: str) -> Payload | None:
    """Splits a payload into route and arguments; None for something that is not ours."""
    parts = payload.strip().split(SEPARATOR)
    if len(parts) < 2 or not all(parts[:2]) or len(payload.encode("utf-8")) > 64:
        return None
    return Payload(SEPARATOR.join(parts[:2]), tuple(parts[2:]))
