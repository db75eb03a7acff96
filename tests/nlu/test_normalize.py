"""Normalisation pieces: tones, folding, teencode and number words."""

from __future__ import annotations

import pytest

from nlu.normalize import normalize
from nlu.teencode import expand
from nlu.tokens import tokenize


def words(text: str) -> list[str]:
    return [token.norm for token in expand(tokenize(normalize(text)))]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("HOÀ BÌNH", "hòa bình"), ("quý", "quý"),
     ("khoẻ", "khỏe"), ("tuỳ", "tùy"), ("hoàng", "hoàng")],
)  # fmt: skip
def test_one_tone_placement(typed: str, canonical: str) -> None:
    assert normalize(typed).norm == canonical


def test_decomposed_input_keeps_offsets_into_the_original() -> None:
    typed = "tra\u0300 hoa va\u0300ng"  # combining accents, as some keyboards send
    text = normalize(typed)
    assert text.norm == "trà hoa vàng"
    assert text.fold == "tra hoa vang"
    start, end = text.span(4, 12)
    assert typed[start:end] == "hoa va\u0300ng"


def test_folding_removes_every_mark_including_d_bar() -> None:
    assert normalize("Đặc sản Đồng Rui").fold == "dac san dong rui"


@pytest.mark.parametrize(
    ("typed", "expanded"),
    [
        ("300k", ["300", "nghìn"]),
        ("k biết", ["không", "biết"]),
        ("bn tiền", ["bao", "nhiêu", "tiền"]),
        ("cảm ơn bn", ["cảm", "ơn", "bạn"]),
        ("giá bn", ["giá", "bao", "nhiêu"]),
        ("2chai", ["2", "chai"]),
        ("1kg", ["1", "kg"]),
        ("1tr5", ["1", "triệu", "5"]),
        ("mk dc ko", ["mình", "được", "không"]),
        ("nc mắm", ["nước", "mắm"]),
    ],
)
def test_teencode_looks_at_the_neighbours(typed: str, expanded: list[str]) -> None:
    assert words(typed) == expanded


def test_expanded_words_point_at_the_shorthand() -> None:
    tokens = expand(tokenize(normalize("giá bn")))
    assert [(t.start, t.end) for t in tokens] == [(0, 3), (4, 6), (4, 6)]
