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


OYSTERS_EN = OYSTERS_VI | {"ha-treo-day-quang-yen"}


@pytest.mark.parametrize(
    ("text", "products", "said"),
    [
        (
            "hi there, we are in Ha Long for two days, could you show me all the oyster "
            "products you have?",
            OYSTERS_EN,
            "None of the products you asked about is made in Ha Long",
        ),
        (
            "bọn mình đang ở Hạ Long 2 hôm, shop cho mình xem tất cả các sản phẩm từ hàu với",
            OYSTERS_VI,
            "Không sản phẩm nào trong số bạn hỏi được làm ở Hạ Long",
        ),
    ],
)
async def test_named_products_made_elsewhere_are_shown_not_nothing_found(
    chat: ChatClient, text: str, products: set[str], said: str
) -> None:
    """Where the visitor is staying is no reason to say there are no such products."""
    await chat.send(text)
    shown = {b.payload.rsplit(":", 1)[-1] for b in chat.buttons if b.payload.startswith("p:")}
    assert shown == products, chat.text
    assert said in chat.text
