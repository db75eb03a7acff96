"""A long, chatty "which products are made from …" lists every one of them as a button."""

from __future__ import annotations

import pytest

from tests.chat_client import ChatClient

OYSTERS_VI = {"hau-van-don-hong-phat", "ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"}
SQUID = {"muc-ong-co-to-kho", "muc-mot-nang-co-to", "cha-muc-ha-long-manh-ha"}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("shop ơi có những sản phẩm nào làm từ hàu vậy, mình muốn mua làm quà", OYSTERS_VI),
        ("shop oi co nhung san pham nao lam tu hau vay, minh muon mua lam qua", OYSTERS_VI),
        ("ad ơi có các sp từ mực ko ạ, e mún mua về cho bố mẹ", SQUID),
    ],
)  # fmt: skip
async def test_every_product_made_from_it_is_a_button(
    chat: ChatClient, text: str, products: set[str]
) -> None:
    await chat.send(text)
    shown = {b.payload.rsplit(":", 1)[-1] for b in chat.buttons if b.payload.startswith("p:")}
    assert shown == products, chat.text
