"""Long, chatty requests for everything made from one thing are product searches that name
every such product: "shop ơi có những sản phẩm nào làm từ hàu vậy, mình muốn mua làm quà"."""

from __future__ import annotations

from typing import Any

import pytest

from nlu import Interpreter

OYSTERS_VI = {"hau-van-don-hong-phat", "ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"}
# "Hà treo dây Quảng Yên" is "rope-grown rock oysters" in the catalog's English.
OYSTERS_EN = {*OYSTERS_VI, "ha-treo-day-quang-yen"}
SQUID = {"muc-ong-co-to-kho", "muc-mot-nang-co-to", "cha-muc-ha-long-manh-ha"}
PEANUT_WORMS = {"sa-sung-thanh-tung", "sa-sung-van-don", "nuoc-mam-sa-sung-van-don"}
GOLDEN_CAMELLIA = {
    "tra-hoa-vang-quy-hoa",
    "tra-hoa-vang-ba-che-dap-thanh",
    "tra-hoa-vang-htx-duoc-lieu-ba-che",
    "tra-hoa-vang-tui-loc-ba-che",
}


def products(parse: dict[str, Any]) -> set[str]:
    return {e["value"] for e in parse["entities"] if e["entity"] == "product"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shop ơi có những sản phẩm nào làm từ hàu vậy, mình muốn mua làm quà", OYSTERS_VI),
        ("hi there, we are in Ha Long for two days, could you show me all the oyster products "
         "you have?", OYSTERS_EN),
        ("chào shop, tuần sau mình về quê ở Nam Định, shop cho mình xem các sản phẩm từ hàu "
         "với nhé", OYSTERS_VI),
        ("hello, my wife loves squid, what squid products do you sell? we fly home on Sunday",
         SQUID),
        ("ad ơi có các sp từ mực ko ạ, e mún mua về cho bố mẹ", SQUID),
        ("ad ơi e ở HN, bên mình có những sp nào làm từ sá sùng k ạ, e mua biếu sếp",
         PEANUT_WORMS),
        ("shop ơi sá sùng thì có những sản phẩm nào vậy, mẹ mình thích lắm", PEANUT_WORMS),
        ("chào shop, mình đang ở Hạ Long, cho mình hỏi có những sản phẩm nào làm từ trà hoa "
         "vàng không", GOLDEN_CAMELLIA),
    ],
)  # fmt: skip
def test_a_chatty_request_for_everything_made_from_it_is_a_search(
    interpreter: Interpreter, text: str, expected: set[str]
) -> None:
    parse = interpreter.parse(text)
    assert parse["intent"]["name"] == "product_search", parse["intent"]
    assert expected <= products(parse)


@pytest.mark.parametrize(
    "text",
    [
        "cac san pham tu hau",
        "shop oi co nhung san pham nao lam tu hau vay, minh muon mua lam qua",
        "shop oi cho minh hoi cac san pham tu hau nhe, minh o Ha Noi",
        "cac loai hau ben shop co nhung gi vay, minh can mua gap",
    ],
)
def test_oysters_typed_without_accents_after_made_from(
    interpreter: Interpreter, text: str
) -> None:
    """A bare "hau" is too ambiguous alone ("hậu", "hầu"), but not after "sản phẩm từ",
    "làm từ" or "các loại"."""
    parse = interpreter.parse(text)
    assert parse["intent"]["name"] == "product_search", parse["intent"]
    assert products(parse) == OYSTERS_VI


@pytest.mark.parametrize(
    "text",
    ["san pham tu hau giang", "cac loai hau mai ben shop", "lam tu hau truong ra"],
)
def test_a_bare_hau_inside_another_word_is_no_oyster(interpreter: Interpreter, text: str) -> None:
    assert not products(interpreter.parse(text))
