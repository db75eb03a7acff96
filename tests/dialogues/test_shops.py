"""Where to buy: by place name, by shared location, for a product, and online."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

HA_LONG_CENTRE = "Trung tâm Giới thiệu sản phẩm OCOP Hạ Long"
TEQNI = "teqni.gov.vn"


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("cửa hàng OCOP ở Hạ Long", "Điểm bán sản phẩm OCOP ở Hạ Long:"),
        ("cua hang ocop o ha long", "Điểm bán sản phẩm OCOP ở Hạ Long:"),
        ("where can I buy OCOP products in Ha Long", "Where to buy OCOP products in Ha Long:"),
    ],
)
async def test_shops_by_place_name(chat: ChatClient, text: str, header: str) -> None:
    await chat.send(text)
    assert header in chat.text and HA_LONG_CENTRE in chat.text
    assert "khu Đồn Điền, phường Hà Khẩu" in chat.text
    assert "google.com/maps" in chat.text
    assert chat.replies[0].location is not None


async def test_a_district_without_shops_gets_the_nearest_and_online(chat: ChatClient) -> None:
    await chat.send("cửa hàng OCOP ở Cô Tô")
    assert "chưa có dữ liệu điểm bán OCOP ở Cô Tô" in chat.text
    assert "km" in chat.text and TEQNI in chat.text


@pytest.mark.parametrize(
    ("opening", "ask", "nearest"),
    [
        ("cửa hàng OCOP gần nhất", "Gửi vị trí", "Các điểm bán OCOP gần bạn nhất"),
        ("where can I buy OCOP products", "Share your location", "The OCOP shops nearest"),
    ],
)
async def test_shops_near_a_shared_location(
    chat: ChatClient, opening: str, ask: str, nearest: str
) -> None:
    await chat.send(opening)
    assert ask in chat.text and chat.replies[0].request_location
    await chat.share_location(20.96, 107.0)
    assert nearest in chat.text
    assert f"1. {HA_LONG_CENTRE}" in chat.text and "km" in chat.text
    assert "google.com/maps/search/?api=1&query=20.97500,106.99000" in chat.text
    assert chat.replies[0].location is not None


async def test_district_buttons_when_no_location(chat: ChatClient) -> None:
    await chat.send("xin chao")
    await chat.click("Nơi mua")
    await chat.click("Móng Cái")
    assert "Điểm trưng bày giới thiệu sản phẩm nông thủy sản phường Bình Ngọc" in chat.text


@pytest.mark.parametrize("text", ["mua miến dong ở đâu", "mua mien dong o dau"])
async def test_no_shop_in_the_district_gives_the_nearest_centre_and_online(
    chat: ChatClient, text: str
) -> None:
    await chat.send(text)
    await chat.click("Miến dong Bình Liêu")
    assert "Chưa có nguồn nào nêu cửa hàng cụ thể bán Miến dong Bình Liêu" in chat.text
    assert "Cửa hàng giới thiệu và bán sản phẩm OCOP huyện Đầm Hà" in chat.text
    assert TEQNI in chat.text


async def test_the_districts_centres_when_no_source_names_a_shop(chat: ChatClient) -> None:
    await chat.send("where can I buy pearls")
    await chat.click("Akoya")
    assert "No source names a specific shop selling Akoya pearls" in chat.text
    assert "OCOP shops in Ha Long" in chat.text and HA_LONG_CENTRE in chat.text


async def test_shops_that_carry_a_product(chat: ChatClient) -> None:
    await chat.send("gà Tiên Yên mua ở đâu")
    if "🏷" not in chat.text and "Nơi bán" not in chat.text:
        await chat.click("Gà Tiên Yên")
    assert "Nơi bán Gà Tiên Yên (theo nguồn tin)" in chat.text
    assert "Điểm bán hàng OCOP cạnh siêu thị Big C (Hạ Long)" in chat.text


@pytest.mark.parametrize(
    ("opening", "online", "source"),
    [
        ("cửa hàng OCOP ở Hạ Long", "Mua online", "nguồn: https://vietnam.vn/"),
        ("cua hang ocop o ha long", "Mua online", "nguồn: https://vietnam.vn/"),
        ("where can I buy OCOP products in Ha Long", "Buy online", "source: https://vietnam.vn/"),
    ],
)
async def test_online_channels_cite_their_source(
    chat: ChatClient, opening: str, online: str, source: str
) -> None:
    await chat.send(opening)
    await chat.click(online)
    for fact in (TEQNI, "Voso.vn", "Postmart.vn", source):
        assert fact in chat.text


@pytest.mark.parametrize(
    ("place", "expected"), [("Hạ Long", HA_LONG_CENTRE), ("mong cai", "Bình Ngọc")]
)
async def test_where_question_answered_with_a_typed_place(
    chat: ChatClient, place: str, expected: str
) -> None:
    await chat.send("xin chào")
    await chat.click("Nơi mua")
    await chat.send(place)
    assert expected in chat.text and "📍" not in chat.text.split("\n")[0]


BIG_C = "Điểm bán hàng OCOP cạnh siêu thị Big C (Hạ Long)"


@pytest.mark.parametrize("share", [True, False])
async def test_a_shop_without_its_own_pin_is_never_given_a_distance(
    chat: ChatClient, share: bool
) -> None:
    if share:
        await chat.share_location(20.951, 107.08)  # the Hạ Long district centre itself
    else:
        await chat.send("cửa hàng OCOP ở Hạ Long")
    lines = [line for line in chat.text.splitlines() if BIG_C in line]
    assert lines and all("km" not in line and "ở Hạ Long" in line for line in lines)
    assert "0.0 km" not in chat.text
