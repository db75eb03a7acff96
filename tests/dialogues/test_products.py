"""Product questions: the card, the price, comparisons, ambiguity and follow-ups."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

QUY_HOA_SOURCE = "https://thuonghieuquangninh.gov.vn/?p=3978"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "trà hoa vàng Quy Hoa là gì",
            ["🏷 Trà hoa vàng Quy Hoa", "OCOP 5 sao (cấp quốc gia, 2022)",
             "Nhà sản xuất: Công ty TNHH Thương mại dịch vụ và Xuất nhập khẩu Quy Hoa",
             "Địa phương: Hải Hà", "Loại: Trà", "Giá: liên hệ", f"Nguồn: {QUY_HOA_SOURCE}"],
        ),
        (
            "tra hoa vang quy hoa may sao",
            ["🏷 Trà hoa vàng Quy Hoa", "OCOP 5 sao (cấp quốc gia, 2022)", "Giá: liên hệ"],
        ),
        (
            "what is Quy Hoa golden camellia tea",
            ["🏷 Quy Hoa golden camellia tea", "OCOP 5 stars (national level, 2022)",
             "District: Hai Ha", "Price: not published — contact the producer",
             f"Source: {QUY_HOA_SOURCE}"],
        ),
    ],
)  # fmt: skip
async def test_product_card(chat: ChatClient, text: str, lines: list[str]) -> None:
    await chat.send(text)
    for line in lines:
        assert line in chat.text
    assert chat.button("Mua ở đâu" if "Giá" in lines[-1] or "Giá" in chat.text else "Where")


async def test_product_without_stars_says_so_plainly(chat: ChatClient) -> None:
    await chat.send("nước mắm Cái Rồng là gì")
    assert "Hạng sao OCOP: chưa có nguồn xác nhận" in chat.text
    assert "Giá: liên hệ" in chat.text


async def test_published_price_is_shown_with_its_source(chat: ChatClient) -> None:
    await chat.send("mực ống Cô Tô khô giá bao nhiêu")
    assert "💰 Mực ống Cô Tô khô" in chat.text
    assert "1.800.000 đ" in chat.text and "Nguồn: http" in chat.text


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        ("trà hoa vàng Quy Hoa là gì", "còn giá thì sao?", "Giá: liên hệ"),
        ("tra hoa vang quy hoa la gi", "bao nhieu tien", "Giá: liên hệ"),
        ("what is Quy Hoa golden camellia tea", "how much is it?", "Price: not published"),
    ],
)
async def test_price_follow_up_uses_the_product_in_focus(
    chat: ChatClient, first: str, follow_up: str, expected: str
) -> None:
    await chat.send(first)
    await chat.send(follow_up)
    assert "💰" in chat.text and "Quy Hoa" in chat.text and expected in chat.text


@pytest.mark.parametrize(
    "follow_up",
    ["nó mấy sao?", "no may sao", "how many stars does it have?"],
)
async def test_stars_follow_up_never_guesses_another_product(
    chat: ChatClient, follow_up: str
) -> None:
    await chat.send("mực ống Cô Tô khô giá bao nhiêu")
    await chat.send(follow_up)
    if "🏷" in chat.text:  # understood: the card of the product in focus
        assert "Mực ống Cô Tô khô" in chat.text or "Cô Tô dried squid" in chat.text
    else:  # not understood: a clarifying question whose first button is that product
        await chat.click("Cô Tô")
        assert "OCOP 4" in chat.text


@pytest.mark.parametrize(
    ("text", "count", "pick", "expected"),
    [
        ("trà hoa vàng", "3 sản phẩm", "Quy Hoa", "OCOP 5 sao (cấp quốc gia, 2022)"),
        ("mien dong", "2 sản phẩm", "HTX Húc Động", "Hạng sao OCOP: chưa có nguồn xác nhận"),
        ("tell me about pearls", "3 products", "Akoya", "OCOP 5 stars (national level"),
    ],
)
async def test_several_matches_ask_with_buttons(
    chat: ChatClient, text: str, count: str, pick: str, expected: str
) -> None:
    await chat.send(text)
    assert count in chat.text and "🏷" not in chat.text
    await chat.click(pick)
    assert expected in chat.text


async def test_a_typed_number_picks_from_the_buttons(chat: ChatClient) -> None:
    await chat.send("trà hoa vàng")
    titles = chat.titles
    await chat.send("2")
    assert titles[1].split(" (")[0] in chat.text and "🏷" in chat.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("so sánh trà hoa vàng Quy Hoa và miến dong Bình Liêu",
         ["So sánh sản phẩm", "Trà hoa vàng Quy Hoa", "Miến dong Bình Liêu"]),
        ("so sanh tra hoa vang quy hoa va mien dong binh lieu",
         ["So sánh sản phẩm", "Trà hoa vàng Quy Hoa", "Miến dong Bình Liêu"]),
        ("compare Akoya pearls and Tahiti pearls",
         ["Comparison", "Akoya pearls", "Tahiti pearls"]),
    ],
)  # fmt: skip
async def test_comparison_of_two_products(chat: ChatClient, text: str, names: list[str]) -> None:
    await chat.send(text)
    for name in names:
        assert name in chat.text
    assert chat.text.count("⭐") == 2


async def test_unknown_product_is_said_plainly(chat: ChatClient) -> None:
    await chat.send("giá bao nhiêu")
    assert "Bạn hỏi về sản phẩm nào" in chat.text
    await chat.click("Miến dong Bình Liêu")
    assert "💰 Miến dong Bình Liêu" in chat.text


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Quy Hoa", "🏷 Trà hoa vàng Quy Hoa"), ("quy hoa", "🏷 Trà hoa vàng Quy Hoa")],
)
async def test_which_one_can_be_answered_in_words(
    chat: ChatClient, answer: str, expected: str
) -> None:
    await chat.send("trà hoa vàng")
    await chat.send(answer)
    assert expected in chat.text


async def test_which_one_narrows_when_words_fit_several(chat: ChatClient) -> None:
    await chat.send("trà hoa vàng")
    await chat.send("Ba Chẽ")
    assert "Có 2 sản phẩm khớp" in chat.text
    assert all("Ba Chẽ" in title for title in chat.titles)
