"""The database's JSON columns read back what the standard library's encoder gave before the
switch to orjson, so states and kept replies written by an older version still load."""

from __future__ import annotations

import json

from catalog import json_codec

STATE = {
    "lang": "vi",
    "step": "order:quantity",
    "memory": {"products": ["nuoc-mam-cai-rong"], "note": "Giao giúp mình trước 5 giờ chiều nhé"},
    "draft": {2: {"qty": 3}, "ghi chú": None, "price": 165000.5, "ok": True},
}


def test_a_state_reads_back_as_the_standard_library_wrote_and_read_it() -> None:
    assert json_codec.loads(json_codec.dumps(STATE)) == json.loads(json.dumps(STATE))


def test_text_written_by_the_standard_library_still_loads() -> None:
    old = json.dumps(STATE)  # ASCII-escaped, with spaces: how older versions stored it
    assert json_codec.loads(old) == json.loads(old)
