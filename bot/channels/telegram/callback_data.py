"""Fits button payloads into Telegram's 64-byte callback_data."""

from __future__ import annotations

from collections import OrderedDict

MAX_CALLBACK_BYTES = 64
SHORT_PREFIX = "~"


class CallbackCodec:
    """Passes a payload through when it fits, else swaps it for a short id.

    Short ids live in a bounded in-memory map: after a restart, or once evicted, a button
    with a short id decodes to None and the adapter says the button has expired.
    """

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._by_id: OrderedDict[str, str] = OrderedDict()
        self._by_payload: dict[str, str] = {}
        self._counter = 0

    def encode(self, payload: str) -> str:
        """Returns callback_data of at most 64 bytes standing for the payload."""
        fits = len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES
        if fits and not payload.startswith(SHORT_PREFIX):
            return payload
        if payload in self._by_payload:
            short = self._by_payload[payload]
            self._by_id.move_to_end(short)
            return short
        self._counter += 1
        short = f"{SHORT_PREFIX}{self._counter:x}"
        self._by_id[short] = payload
        self._by_payload[payload] = short
        if len(self._by_id) > self._capacity:
            _, old = self._by_id.popitem(last=False)
            self._by_payload.pop(old, None)
        return short

    def decode(self, data: str | None) -> str | None:
        """Returns the payload behind callback_data, or None for an unknown short id."""
        if not data:
            return None
        if not data.startswith(SHORT_PREFIX):
            return data
        return self._by_id.get(data)
