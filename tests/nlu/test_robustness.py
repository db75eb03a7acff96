"""Whatever people paste into the chat, the NLU answers and never raises."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlu.interpreter import MAX_CHARS

_SALAD_TEXT = (
    "trà hoa vàng 2 chai k bn tr 5 sao Hạ Long # 0912 345 678 nửa kg từ đến 100k - ba kích 😀"
)
SALAD = _SALAD_TEXT.split()
NASTY = [
    "",
    "   ",
    "\n\t\r",
    "😀😂🎉",
    "'; DROP TABLE products; --",
    "<script>alert(1)</script>",
    "trà\x00hoa\x07vàng\u200b\u202e",
    "Hạ Long 下龙湾 Халонг ハロン",
    "a\u0301\u0301\u0301",
    "\ud800",
    "9" * 200,
    "k k k k bn bn tr tr",
    "#" * 50,
]


@pytest.mark.parametrize("text", NASTY)
def test_odd_input_gives_a_json_parse_not_an_error(parse, text: str) -> None:
    result = parse(text)
    assert set(result) >= {"text", "language", "intent", "intent_ranking", "entities"}
    assert result["intent"]["name"]
    json.dumps(result)  # the CLI and the web API must be able to send it


@pytest.mark.parametrize("text", ["", "   ", "😀😂🎉", "'; DROP TABLE products; --"])
def test_empty_emoji_and_injection_are_out_of_scope(parse, text: str) -> None:
    assert parse(text)["intent"]["name"] == "out_of_scope"


def test_text_over_the_limit_is_refused_clearly(parse) -> None:
    result = parse("trà hoa vàng " * 1000)
    assert len(result["text"]) > MAX_CHARS
    assert result["intent"] == {"name": "out_of_scope", "confidence": 0.0}
    assert "longer than" in result["error"]


def test_text_at_the_limit_is_still_understood(parse) -> None:
    text = ("mua trà hoa vàng ở đâu " * 400)[:MAX_CHARS]
    result = parse(text)
    assert "error" not in result
    assert result["entities"]


def test_a_non_string_is_treated_as_text(parse) -> None:
    assert parse(None)["intent"]["name"] == "out_of_scope"  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_never_breaks_the_contract(parse, text: str) -> None:
    result = parse(text)
    assert result["text"] == text
    assert result["language"] in {"vi", "en"}
    assert 0.0 <= result["intent"]["confidence"] <= 1.0
    for entity in result["entities"]:
        assert 0 <= entity["start"] < entity["end"] <= len(text)
    json.dumps(result)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(SALAD),
        max_size=20,
    )
)
def test_random_word_salad_never_breaks_the_contract(parse, words: list[str]) -> None:
    text = " ".join(words)
    result = parse(text)
    for entity in result["entities"]:
        assert 0 <= entity["start"] < entity["end"] <= len(text)
