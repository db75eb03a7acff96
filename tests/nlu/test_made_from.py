"""Asking for every product made from something ("các sản phẩm từ hàu", "all the oyster
products") names all of them; "2 kg hàu" or "mua hàu Vân Đồn" still names the oysters."""

from __future__ import annotations

from typing import Any

import pytest

from nlu import Interpreter

OYSTERS = "hau-van-don-hong-phat"
OYSTER_FLOSSES = {"ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"}
ROCK_OYSTERS = "ha-treo-day-quang-yen"  # "Hà treo dây": "rock oysters" in its English name
FROM_OYSTERS_VI = {OYSTERS, *OYSTER_FLOSSES}
FROM_OYSTERS_EN = {*FROM_OYSTERS_VI, ROCK_OYSTERS}


def products(parse: dict[str, Any]) -> set[str]:
    return {e["value"] for e in parse["entities"] if e["entity"] == "product"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cho mình xem các sản phẩm từ hàu", FROM_OYSTERS_VI),
        ("có những sản phẩm nào làm từ hàu vậy shop", FROM_OYSTERS_VI),
        ("các loại hàu", FROM_OYSTERS_VI),
        ("hàu có những loại nào", FROM_OYSTERS_VI),
        ("show me all the oyster products", FROM_OYSTERS_EN),
        ("what oyster products do you have?", FROM_OYSTERS_EN),
        ("hi, we loved the oysters in Van Don, what kinds of oyster products can we bring home",
         FROM_OYSTERS_EN),
        ("products made from oysters", FROM_OYSTERS_EN),
    ],
)  # fmt: skip
def test_everything_made_from_oysters(
    interpreter: Interpreter, text: str, expected: set[str]
) -> None:
    assert products(interpreter.parse(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2 kg hàu",
        "mua hàu Vân Đồn",
        "hàu giá bao nhiêu",
        "cho mình xem các loại hàu Vân Đồn",  # a place names the one product
        "I'd like 2 kg of oysters",
    ],
)
def test_the_oysters_themselves(interpreter: Interpreter, text: str) -> None:
    assert products(interpreter.parse(text)) == {OYSTERS}


def test_king_oyster_mushrooms_are_no_oysters(interpreter: Interpreter) -> None:
    assert "nam-dui-ga-long-hai" not in products(interpreter.parse("all the oyster products"))


def test_another_kind_joins_when_its_vietnamese_name_says_so(interpreter: Interpreter) -> None:
    """Peanut-worm fish sauce is a fish sauce, made from sá sùng."""
    found = products(interpreter.parse("các sản phẩm từ sá sùng"))
    assert "nuoc-mam-sa-sung-van-don" in found
    assert {"sa-sung-van-don", "sa-sung-thanh-tung"} <= found
