"""Product search and gift suggestions: by kind, stars, place and budget, paged."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient


@pytest.mark.parametrize(
    ("text", "header", "first"),
    [
        ("có rượu gì ngon", "Tìm thấy 9 sản phẩm OCOP · Rượu (trang 1/2)", "1. Rượu"),
        ("ruou gi ngon", "Tìm thấy 9 sản phẩm OCOP · Rượu (trang 1/2)", "1. Rượu"),
        ("show me wine products", "Found 9 OCOP products · Wine & liquor (page 1/2)", "1. "),
    ],
)
async def test_search_by_category_is_paged(
    chat: ChatClient, text: str, header: str, first: str
) -> None:
    await chat.send(text)
    assert header in chat.text and first in chat.text
    assert len(chat.buttons) == 7  # five products, "next" and the menu
    await chat.click("▶")
    assert "2/2" in chat.text and "6. " in chat.text
    assert chat.replies[0].replace_previous
    await chat.click("◀")
    assert "1/2" in chat.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sản phẩm OCOP 5 sao", "Tìm thấy 8 sản phẩm OCOP · 5 sao"),
        ("san pham 4 sao o Ba Che", "· 4 sao · Ba Chẽ"),
        ("4-star products in Ba Che", "· 4 stars · Ba Che"),
    ],
)
async def test_search_by_stars_and_place(chat: ChatClient, text: str, expected: str) -> None:
    await chat.send(text)
    assert expected in chat.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gợi ý quà 5 sao dưới 500k", "có giá công bố"),
        ("5-star gifts under 1 million", "has a published price"),
    ],
)
async def test_budget_search_is_honest_about_missing_prices(
    chat: ChatClient, text: str, expected: str
) -> None:
    await chat.send(text)
    assert expected in chat.text
    assert "liên hệ" in chat.text or "ask producer" in chat.text
    assert chat.buttons  # the matches without the budget, as buttons


@pytest.mark.parametrize("text", ["goi y qua duoi 500k", "gợi ý quà dưới 500 nghìn"])
async def test_budget_search_lists_the_priced_products_within_it(
    chat: ChatClient, text: str
) -> None:
    await chat.send(text)
    assert "Tìm thấy 3 sản phẩm OCOP · đến 500.000 đ" in chat.text
    assert "Rượu ba kích Ba Chẽ · 4 sao · Ba Chẽ · 300.000 đ" in chat.text
    assert "phần lớn sản phẩm OCOP chưa công bố giá" in chat.text


async def test_gift_ideas_from_the_menu(chat: ChatClient) -> None:
    await chat.send("xin chào")
    await chat.click("Sản phẩm OCOP")
    await chat.click("Gợi ý quà")
    assert "Gợi ý 106 sản phẩm OCOP Quảng Ninh" in chat.text
    await chat.click("Miến dong Bình Liêu")
    assert "🏷 Miến dong Bình Liêu" in chat.text


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        ("có rượu gì ngon", "còn ở Hạ Long thì sao", "· Rượu · Hạ Long"),
        ("show me wine products", "how about in Ha Long?", "· Wine & liquor · Ha Long"),
        ("có rượu gì ngon", "còn ở Móng Cái thì sao", "· Rượu · Móng Cái"),
        ("show me wine products", "how about in Móng Cái?", "· Wine & liquor · Mong Cai"),
    ],
)
async def test_place_follow_up_refines_the_last_search(
    chat: ChatClient, first: str, follow_up: str, expected: str
) -> None:
    await chat.send(first)
    await chat.send(follow_up)
    assert expected in chat.text


async def test_nothing_found_offers_the_place_without_the_other_filters(chat: ChatClient) -> None:
    await chat.send("có rượu gì ngon")
    await chat.send("còn ở Móng Cái thì sao")
    assert "chưa tìm thấy" in chat.text
    await chat.click("Sản phẩm OCOP ở đây")
    assert "· Móng Cái" in chat.text and "Thịt lợn Móng Cái" in chat.text
