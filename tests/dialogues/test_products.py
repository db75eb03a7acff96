"""Product questions: the card, the price, comparisons, ambiguity and follow-ups."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

QUY_HOA_SOURCE = "https://thuonghieuquangninh.gov.vn/?p=3978"
QUY_HOA_PRODUCER = "Công ty TNHH Thương mại dịch vụ và Xuất nhập khẩu Quy Hoa"


@pytest.mark.parametrize(
    ("text", "lines", "buttons"),
    [
        (
            "trà hoa vàng Quy Hoa là gì",
            ["🏷 Trà hoa vàng Quy Hoa", "★★★★★ 5 sao quốc gia (2022)",
             f"🏭 {QUY_HOA_PRODUCER} · Hải Hà", "Nguồn: thuonghieuquangninh.gov.vn"],
            ["Mua ở đâu", "Đặt mua", "Sản phẩm cùng loại"],
        ),
        (
            "tra hoa vang quy hoa may sao",
            ["🏷 Trà hoa vàng Quy Hoa", "★★★★★ 5 sao quốc gia (2022)"],
            ["Mua ở đâu", "Đặt mua", "Sản phẩm cùng loại"],
        ),
        (
            "what is Quy Hoa golden camellia tea",
            ["🏷 Quy Hoa golden camellia tea", "★★★★★ 5 stars, national (2022)",
             f"🏭 {QUY_HOA_PRODUCER} · Hai Ha", "Source: thuonghieuquangninh.gov.vn"],
            ["Where to buy", "Order", "Similar products"],
        ),
    ],
)  # fmt: skip
async def test_product_card(
    chat: ChatClient, text: str, lines: list[str], buttons: list[str]
) -> None:
    await chat.send(text)
    for line in lines:
        assert line in chat.text.splitlines()
    assert len(chat.replies[0].text.splitlines()) <= 8
    assert "Giá" not in chat.text and "Price" not in chat.text  # none published
    for title in buttons:
        assert chat.button(title)
    assert chat.button("thuonghieuquangninh.gov.vn").url == QUY_HOA_SOURCE


async def test_the_order_button_starts_an_order(chat: ChatClient) -> None:
    await chat.send("trà hoa vàng Quy Hoa là gì")
    await chat.click("Đặt mua")
    assert "Trà hoa vàng Quy Hoa" in chat.text and "🏷" not in chat.text


async def test_product_without_stars_says_so_plainly(chat: ChatClient) -> None:
    await chat.send("nước mắm Cái Rồng là gì")
    assert "OCOP — chưa công bố hạng sao" in chat.text
    assert "Stars:" not in chat.text and "claimed" not in chat.text
    await chat.send("/lang en")
    await chat.send("what is Cai Rong fish sauce")
    assert "OCOP, star rating not published" in chat.text


async def test_published_price_is_shown_with_its_source(chat: ChatClient) -> None:
    await chat.send("mực ống Cô Tô khô giá bao nhiêu")
    assert "💰 Mực ống Cô Tô khô" in chat.text
    assert "1.800.000 – 1.900.000 đ / kg" in chat.text and "Nguồn: " in chat.text


@pytest.mark.parametrize(
    ("text", "best", "others"),
    [
        ("trà hoa vàng là gì", "🏷 Trà hoa vàng", 3),
        ("tra hoa vang la gi vay shop", "🏷 Trà hoa vàng", 3),
        ("what is golden camellia tea?", "golden camellia tea", 2),
    ],
)
async def test_what_is_x_describes_the_best_match(
    chat: ChatClient, text: str, best: str, others: int
) -> None:
    await chat.send(text)
    card = chat.replies[0].text
    assert best in card.splitlines()[0] and "★★★★★" in card
    assert len(card.splitlines()[3]) > 60  # the description, not a list of names
    assert len(chat.replies[1].buttons) >= others
    await chat.click(chat.replies[1].buttons[0].title)
    assert "🏷" in chat.text


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
        assert "★★★★☆ 4 sao" in chat.text


@pytest.mark.parametrize(
    ("text", "count", "pick", "expected"),
    [
        ("trà hoa vàng", "sản phẩm", "Quy Hoa", "★★★★★ 5 sao quốc gia (2022)"),
        ("mien dong", "2 sản phẩm", "HTX Húc Động", "OCOP — chưa công bố hạng sao"),
        ("tell me about pearls", "3 products", "Akoya", "★★★★★ 5 stars, national"),
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
    assert chat.text.count("★") >= 5


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
    assert "Có 3 sản phẩm khớp" in chat.text
    assert all("Ba Chẽ" in title for title in chat.titles)
