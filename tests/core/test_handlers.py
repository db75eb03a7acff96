"""Handlers on the real seeded catalog, with a scripted NLU (independent of NLU quality)."""

from __future__ import annotations

from collections.abc import Callable

from tests.core.conftest import OPERATOR, Script, ent

TEA = "trà hoa vàng mấy sao"
TEAS = [
    "tra-hoa-vang-quy-hoa",
    "tra-hoa-vang-ba-che-dap-thanh",
    "tra-hoa-vang-htx-duoc-lieu-ba-che",
]
SCRIPT: Script = {
    "xin chào": ("greet", 0.9, "vi", []),
    TEA: ("product_info", 0.9, "vi", [ent("product", p, TEA, "trà hoa vàng") for p in TEAS]),
    "còn giá thì sao": ("product_price", 0.9, "vi", []),
    "có trà gì": ("product_search", 0.9, "vi", [ent("category", "tea", "có trà gì", "trà")]),
    "ở Bình Liêu thì sao": (
        "inform",
        0.9,
        "vi",
        [ent("location", "binh-lieu", "ở Bình Liêu thì sao", "Bình Liêu")],
    ),
    "lễ hội ở Ba Chẽ": (
        "tourism_suggest",
        0.9,
        "vi",
        [ent("location", "ba-che", "lễ hội ở Ba Chẽ", "Ba Chẽ")],
    ),
    "gặp nhân viên": ("human_handoff", 0.9, "vi", []),
    "ừm cái đó": ("product_info", 0.2, "vi", []),
    "hello": ("greet", 0.9, "en", []),
}


async def test_ambiguity_card_and_price_follow_up(scripted_chat: Callable) -> None:
    chat, _ = scripted_chat(SCRIPT)
    await chat.send(TEA)
    assert "3 sản phẩm" in chat.text
    await chat.click("Trà hoa vàng Quy Hoa")
    assert "★★★★★ 5 sao quốc gia (2022)" in chat.text
    assert "Giá" not in chat.text  # no price line without a sourced price
    assert "Nguồn: thuonghieuquangninh.gov.vn" in chat.text
    assert chat.button("Nguồn").url == "https://thuonghieuquangninh.gov.vn/?p=3978"
    await chat.send("còn giá thì sao")
    assert "Trà hoa vàng Quy Hoa" in chat.text and "liên hệ" in chat.text


async def test_search_paging_and_refinement(scripted_chat: Callable) -> None:
    chat, _ = scripted_chat(SCRIPT)
    await chat.send("có trà gì")
    assert "Tìm thấy 8 sản phẩm OCOP · Trà" in chat.text
    await chat.send("ở Bình Liêu thì sao")
    assert "Bình Liêu" in chat.text and "Trà" in chat.text


async def test_location_tourism_handoff_clarify_language(scripted_chat: Callable) -> None:
    chat, notifier = scripted_chat(SCRIPT)
    await chat.share_location(20.96, 107.0)
    assert "Trung tâm Giới thiệu sản phẩm OCOP Hạ Long" in chat.text and "km" in chat.text
    assert chat.replies[0].location is not None
    await chat.send("lễ hội ở Ba Chẽ")
    assert "Lễ hội Trà hoa vàng Ba Chẽ" in chat.text
    await chat.send("gặp nhân viên")
    assert notifier.sent and notifier.sent[0][0] == OPERATOR
    await chat.send("ừm cái đó")
    assert chat.titles[:3] == ["Sản phẩm", "Nơi mua", "Địa điểm du lịch"]
    await chat.send("/lang en")
    assert "Switched to English" in chat.text
    await chat.send("xin chào")
    assert "Hello" in chat.text
