"""Tourism suggestions: sites and festivals by place and season, with OCOP nearby."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

TRA_HOA_VANG = "Lễ hội Trà hoa vàng Ba Chẽ"
HOA_SO = "Hội hoa sở Bình Liêu"


@pytest.mark.parametrize(
    ("text", "festival", "featured"),
    [
        ("lễ hội ở Ba Chẽ", TRA_HOA_VANG, "Trà hoa vàng Ba Chẽ"),
        ("le hoi o ba che", TRA_HOA_VANG, "Trà hoa vàng Ba Chẽ"),
        ("festivals in Binh Lieu", "Bình Liêu Sở Flower Festival", "Bình Liêu canna"),
    ],
)
async def test_festivals_of_a_place(
    chat: ChatClient, text: str, festival: str, featured: str
) -> None:
    await chat.send(text)
    assert festival in chat.text and featured in chat.text
    assert "Nguồn: " in chat.text or "Source: " in chat.text
    await chat.click(featured)
    assert "🏷" in chat.text


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("lễ hội tháng 12", "vào tháng 12"),
        ("le hoi thang 12", "vào tháng 12"),
        ("festivals in December", "in month 12"),
    ],
)
async def test_festivals_by_season(chat: ChatClient, text: str, header: str) -> None:
    await chat.send(text)
    assert header in chat.text
    assert TRA_HOA_VANG in chat.text or "Golden Camellia" in chat.text
    assert HOA_SO in chat.text or "Sở Flower" in chat.text


@pytest.mark.parametrize("text", ["tháng 12 đi chơi đâu ở Quảng Ninh", "tháng 12 nên đi đâu chơi"])
async def test_sights_in_a_month_mention_the_festivals_then(chat: ChatClient, text: str) -> None:
    await chat.send(text)
    assert "Gợi ý ở Quảng Ninh vào tháng 12" in chat.text
    assert "Hội chợ, lễ hội ở đây / dịp này" in chat.text and HOA_SO in chat.text


async def test_tourism_menu_lists_festivals_and_districts(chat: ChatClient) -> None:
    await chat.send("xin chào")
    await chat.click("Du lịch & lễ hội")
    for festival in (TRA_HOA_VANG, HOA_SO, "Lễ hội Hoa sim biên giới"):
        assert festival in chat.text
    await chat.click("Móng Cái")
    assert "Khu du lịch quốc gia Trà Cổ" in chat.text and "Lễ hội Hoa sim biên giới" in chat.text
    assert "Điểm trưng bày giới thiệu sản phẩm nông thủy sản phường Bình Ngọc" in chat.text


async def test_tourism_near_a_shared_location(chat: ChatClient) -> None:
    await chat.press("nav:tourism")
    await chat.share_location(21.52, 107.39)
    assert "Điểm du lịch và lễ hội gần bạn" in chat.text
    first_two = chat.replies[1].text + chat.replies[2].text
    assert HOA_SO in first_two and "Làng miến Húc Động" in first_two


@pytest.mark.parametrize("place", ["Bình Liêu", "binh lieu"])
async def test_tourism_district_typed_after_the_menu(chat: ChatClient, place: str) -> None:
    await chat.send("xin chào")
    await chat.click("Du lịch & lễ hội")
    await chat.send(place)
    assert "Gợi ý ở Bình Liêu" in chat.text and HOA_SO in chat.text


async def test_many_suggestions_are_paged(chat: ChatClient) -> None:
    await chat.send("tháng 12 nên đi đâu chơi")
    assert "1–4/" in chat.text
    await chat.click("Xem thêm")
    assert "5–8/" in chat.text and chat.replies[0].replace_previous


@pytest.mark.parametrize("text", ["đi Yên Tử chơi", "di yen tu choi"])
async def test_a_site_mentions_the_festivals_there(chat: ChatClient, text: str) -> None:
    await chat.send(text)
    assert "Khu di tích – danh thắng Yên Tử" in chat.text
    assert "Lễ hội Hoa anh đào – Mai vàng Yên Tử: tháng 3" in chat.text
    await chat.click("Lễ hội Hoa anh đào – Mai vàng Yên Tử")
    assert "Trung tâm Văn hóa Trúc Lâm Yên Tử" in chat.text and "Nguồn:" in chat.text
