"""A generic product mention is narrowed by a distinctive name elsewhere in the message."""

from __future__ import annotations

from typing import Any

import pytest

from nlu import Interpreter
from tests.nlu.longmsg.catalog import products_starting

QUY_HOA = "tra-hoa-vang-quy-hoa"
TEAS = set(products_starting("trà hoa vàng"))


def products(parse: dict[str, Any]) -> set[str]:
    return {e["value"] for e in parse["entities"] if e["entity"] == "product"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how much is the golden camellia tea from Quy Hoa?", {QUY_HOA}),
        ("trà hoa vàng của Quy Hoa giá bao nhiêu", {QUY_HOA}),
        ("tra hoa vang cua dap thanh", {"tra-hoa-vang-ba-che-dap-thanh"}),
        ("ba hộp trà hoa vàng", TEAS),  # "ba" is three here, not Ba Chẽ
        ("trà hoa vàng", TEAS),
        ("ruốc hàu Bavabi giá bao nhiêu", {"ruoc-hau-bavabi"}),  # capitalised, yet ours
        ("cho mình 2 hũ ruoc hau cua bavabi", {"ruoc-hau-bavabi"}),
        ("ruốc hàu bên Hải sản Vân Đồn", {"ruoc-hau-hai-san-van-don"}),
        ("ruốc hàu", {"ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"}),
    ],
)
def test_a_named_producer_picks_one_of_the_generic_matches(
    interpreter: Interpreter, text: str, expected: set[str]
) -> None:
    assert products(interpreter.parse(text)) == expected
