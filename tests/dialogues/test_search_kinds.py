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
