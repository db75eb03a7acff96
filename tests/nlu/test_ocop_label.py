"""The word "OCOP" after a generic mention is the label every product carries, not a maker."""

from __future__ import annotations

from typing import Any

import pytest

from nlu import Interpreter
from tests.nlu.longmsg.catalog import products_starting

FISH_SAUCES = set(products_starting("nước mắm"))


def products(parse: dict[str, Any]) -> set[str]:
    return {e["value"] for e in parse["entities"] if e["entity"] == "product"}


@pytest.mark.parametrize(
    "text",
    [
        "cho mình xem các loại nước mắm OCOP",
        "xem các loại nước mắm Ocop",
        "mình đang ở Hạ Long, cho mình xem các loại nước mắm OCOP với, mua làm quà",
    ],
)
def test_ocop_after_a_generic_mention_keeps_its_products(
    interpreter: Interpreter, text: str
) -> None:
    parse = interpreter.parse(text)
    assert products(parse) == FISH_SAUCES
    assert parse["intent"]["name"] == "product_search"


def test_an_unknown_maker_after_a_generic_mention_is_still_not_ours(
    interpreter: Interpreter,
) -> None:
    assert products(interpreter.parse("cho mình xem các loại nước mắm Cửa Khe")) == set()
    assert products(interpreter.parse("cho mình xem các loại nước mắm Hồng Hà")) == set()
