"""Button payloads stay short and parse back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.payloads import MAX_PAYLOAD_BYTES, make_payload, parse_payload


def test_round_trip() -> None:
    payload = make_payload("p", "info", "tra-hoa-vang-quy-hoa")
    assert payload == "p:info:tra-hoa-vang-quy-hoa"
    parsed = parse_payload(payload)
    assert parsed and parsed.route == "p:info" and parsed.arg == "tra-hoa-vang-quy-hoa"


def test_too_long_is_refused() -> None:
    with pytest.raises(ValueError):
        make_payload("p", "info", "x" * MAX_PAYLOAD_BYTES)


@given(st.text(max_size=80))
def test_parse_never_raises(text: str) -> None:
    parsed = parse_payload(text)
    assert parsed is None or ":" in text
