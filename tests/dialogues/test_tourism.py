"""Tourism suggestions: sites and festivals by place and season, with OCOP nearby."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

TRA_HOA_VANG = "Lễ hội Trà hoa vàng Ba Chẽ"
HOA_SO = "Hội hoa sở Bình Liêu"


@pytest.mark.parametrize(
    ("text", "place", "nearby"),
    [
        ("lễ hội ở Ba Chẽ", TRA_HOA_VANG, "Sản phẩm OCOP quanh đây: Trà hoa vàng Ba Chẽ"),
        ("le hoi o ba che", TRA_HOA_VANG, "Sản phẩm OCOP quanh đây: Trà hoa vàng Ba Chẽ"),
        ("festivals in Binh Lieu", HOA_SO, "OCOP products around here: Bình Liêu canna"),
    ],
)
async def test_tourism_by_place(chat: ChatClient, text: str, place: str, nearby: str) -> None:
    await chat.send(text)
    assert place in chat.text and nearby in chat.text
    assert "Nguồn: https://" in chat.text or "Source: https://" in chat.text
    await chat.click("Sản phẩm OCOP ở đây" if "Nguồn" in chat.text else "OCOP products here")
    assert "🏷" not in chat.text and "1. " in chat.text


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("lễ hội tháng 12", "vào tháng 12"),
        ("le hoi thang 12", "vào tháng 12"),
        ("festivals in December", "in month 12"),
    ],
)
async def test_tourism_by_season(chat: ChatClient, text: str, header: str) -> None:
    await chat.send(text)
    if "?" in chat.replies[0].text and not chat.replies[0].text.startswith(("Gợi", "Sugg")):
        await chat.click("Places to visit")  # a clarifying question first is fine
    assert header in chat.text
    assert chat.text.index(HOA_SO) < chat.text.index("📍", chat.text.index(TRA_HOA_VANG))
    assert TRA_HOA_VANG in chat.text


async def test_tourism_menu_lists_festivals_and_districts(chat: ChatClient) -> None:
    await chat.send("xin chào")
    await chat.click("Du lịch & lễ hội")
    for festival in (TRA_HOA_VANG, HOA_SO, "Lễ hội Hoa sim biên giới"):
        assert festival in chat.text
    await chat.click("Móng Cái")
    assert "Khu du lịch quốc gia Trà Cổ" in chat.text
    assert "Điểm bán OCOP gần đó: Điểm trưng bày" in chat.text


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
    await chat.send("lễ hội tháng 12")
    assert "1–4/" in chat.text
    await chat.click("Xem thêm")
    assert "5–8/" in chat.text and chat.replies[0].replace_previous
