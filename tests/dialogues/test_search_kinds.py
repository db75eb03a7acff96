"""Asking to see "the kinds of" a product lists that product, "OCOP" or chat around it."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

_FISH_SAUCES = ("Cái Rồng", "Newstar", "Cô Tô")


@pytest.mark.parametrize(
    "text",
    [
        "cho mình xem các loại nước mắm OCOP",
        "xem các loại nước mắm Ocop",
        "mình đang ở Hạ Long, cho mình xem các loại nước mắm OCOP với, mua làm quà",
        "có những loại nước mắm nào",
    ],
)
async def test_kinds_of_fish_sauce_lists_the_fish_sauces(chat: ChatClient, text: str) -> None:
    await chat.send(text)
    shown = chat.text + " " + " ".join(chat.titles)
    assert all(name in shown for name in _FISH_SAUCES), shown
    assert "5 sao" not in chat.text.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("các loại trà hoa vàng", "Trà hoa vàng"),
        ("xem các loại miến", "Miến"),
        ("cho mình xem các loại trà hoa vàng OCOP", "Trà hoa vàng"),
    ],
)
async def test_kinds_of_a_product_list_that_product(
    chat: ChatClient, text: str, expected: str
) -> None:
    await chat.send(text)
    shown = chat.text + " " + " ".join(chat.titles)
    assert expected in shown, shown


OYSTERS = "hau-van-don-hong-phat"
OYSTER_PRODUCTS_VI = {OYSTERS, "ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"}
# "Hà treo dây Quảng Yên" is "rope-grown rock oysters" in the catalog's English.
OYSTER_PRODUCTS_EN = {*OYSTER_PRODUCTS_VI, "ha-treo-day-quang-yen"}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("cho mình xem các sản phẩm từ hàu", OYSTER_PRODUCTS_VI),
        ("shop ơi có những sản phẩm nào làm từ hàu vậy", OYSTER_PRODUCTS_VI),
        ("mình ở Hà Nội, muốn mua ít đồ làm quà, shop có những sản phẩm nào làm từ hàu không",
         OYSTER_PRODUCTS_VI),
        ("show me all the oyster products", OYSTER_PRODUCTS_EN),
        ("what oyster products do you have?", OYSTER_PRODUCTS_EN),
    ],
)  # fmt: skip
async def test_every_oyster_product_is_listed(
    chat: ChatClient, text: str, products: set[str]
) -> None:
    """One button a product, whether a list or a "which one?" answers: no King oyster
    mushrooms."""
    await chat.send(text)
    shown = {b.payload.rsplit(":", 1)[-1] for b in chat.buttons if b.payload.startswith("p:")}
    assert shown == products, chat.text


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("2 kg hàu", "tên người nhận"),
        ("mua hàu Vân Đồn", "Bạn lấy bao nhiêu sản phẩm Hàu Vân Đồn"),
    ],
)
async def test_buying_oysters_orders_the_oysters(chat: ChatClient, text: str, asked: str) -> None:
    await chat.send(text)
    assert asked in chat.text and "Ruốc hàu" not in chat.text + " ".join(chat.titles)
