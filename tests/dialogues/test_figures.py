"""How many OCOP products: sourced figures with their date, vi and en."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient


@pytest.mark.parametrize(
    "text",
    [
        "Quảng Ninh có bao nhiêu sản phẩm OCOP",
        "quang ninh co bao nhieu san pham ocop vay ad",
        "cho mình hỏi tỉnh mình có tổng số bao nhiêu sản phẩm ocop rồi",
    ],
)
async def test_how_many_products(chat: ChatClient, text: str) -> None:
    await chat.send(text)
    assert "Theo vietnamnet.vn (3/11/2025): 437 sản phẩm từ 3 sao" in chat.text
    assert chat.button("Nguồn: vietnamnet.vn").url


@pytest.mark.parametrize("text", ["bao nhiêu sản phẩm 5 sao", "bao nhieu sp 5 sao"])
async def test_how_many_five_star_products(chat: ChatClient, text: str) -> None:
    await chat.send(text)
    assert "(3/11/2025): 8 sản phẩm 5 sao quốc gia" in chat.text
    assert "🏷" not in chat.text


async def test_how_many_in_english(chat: ChatClient) -> None:
    await chat.send("how many OCOP products does Quang Ninh have?")
    assert "Per vietnamnet.vn (3 Nov 2025): 437 products rated 3 stars or more" in chat.text


async def test_how_many_in_a_district(chat: ChatClient) -> None:
    await chat.send("Vân Đồn có bao nhiêu sản phẩm OCOP")
    assert "Vân Đồn" in chat.text and "53 sản phẩm OCOP" in chat.text
