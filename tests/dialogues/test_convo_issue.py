"""The seven conversations that tripped the bot (issue 12), replayed as a person had them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.channels.web_site import real_site
from tests.channels.web_support import WebChat
from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import play
from tests.dialogues.orders_kit import new_id, no_console_account, orders_of


async def test_1_a_correction_at_the_name_prompt_is_not_the_name(bot: Bot) -> None:
    await play(bot.chat(), [
        ("cho mình 2 chai nước mắm Cái Rồng", "tên người nhận"),
        ("à không, 3 chai thôi", "Mình đã sửa số lượng: 3 chai Nước mắm Cái Rồng",
         "tên người nhận"),
        ("Nguyễn Văn An", "Số điện thoại"),
        ("0912 345 678", "giao tận nơi"),
        ("[Giao tận nơi]", "địa chỉ"),
        ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì"),
        ("[Không có ghi chú]", "• 3 chai Nước mắm Cái Rồng", "Người nhận: Nguyễn Văn An",
         "~Người nhận: à không", "~• 2 chai"),
    ])  # fmt: skip


async def test_2_a_tourism_question_after_where_are_you_gets_things_to_do(bot: Bot) -> None:
    await play(bot.chat(), [
        ("mua ở đâu", "Bạn đang ở đâu"),
        ("có gì chơi ở Bình Liêu tháng 9", "Gợi ý ở Bình Liêu", "tháng 9", "Khe Vằn",
         "~Mình chưa có dữ liệu điểm bán OCOP ở Bình Liêu"),
    ])  # fmt: skip


async def test_3_a_gift_search_after_five_stars_does_not_keep_the_stars(bot: Bot) -> None:
    await play(bot.chat(), [
        ("sản phẩm 5 sao", "Tìm thấy 8 sản phẩm OCOP · 5 sao"),  # catalog edition 2
        ("quà biếu cho sếp dưới 500k", "đến 500.000 đ", "~nào · 5 sao"),
    ])  # fmt: skip


async def test_4_where_to_buy_after_a_card_is_about_that_product(bot: Bot) -> None:
    await play(bot.chat(), [
        ("nước mắm Cái Rồng", "Nước mắm Cái Rồng", "Mua ở đâu"),
        ("mua ở đâu", "bán Nước mắm Cái Rồng", "trung tâm OCOP", "~Bạn đang ở đâu"),
    ])  # fmt: skip


async def test_5_fish_sauce_in_english_asks_which_and_keeps_three_bottles(bot: Bot) -> None:
    chat = bot.chat()
    await play(chat, [
        ("I want to order 3 bottles of fish sauce", "Which one", "Cái Rồng fish sauce",
         "Newstar fish sauce", "~pearls", "~noodles", "~tea"),
        ("Cai Rong", "What name", "~How many"),
        ("John Smith", "phone"),
        ("0912345678", "delivery"),
        ("[Delivery]", "address"),
        ("5 Le Loi street, Ha Long", "note"),
        ("[No note]", "3 bottles Cái Rồng fish sauce"),
    ])  # fmt: skip


async def test_6_with_nobody_to_tell_the_customer_hears_the_truth(lonely_bot: Bot) -> None:
    await no_console_account(lonely_bot)  # no producer linked, no operator, no console
    chat = lonely_bot.chat(new_id("cust"))
    await play(chat, [
        ("cho mình 2 hũ ruốc hàu Bavabi", "tên người nhận"),
        ("Nguyễn Văn An", "Số điện thoại"),
        ("0912345678", "giao tận nơi"),
        ("[Giao tận nơi]", "địa chỉ"),
        ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì"),
        ("[Không có ghi chú]", "Đơn hàng của bạn"),
        ("[Xác nhận]", "CHƯA gửi được tới người bán", "đơn đang chờ người bán",
         "~Đặt hàng thành công", "~Người bán sẽ gọi cho bạn"),
        ("đơn của tôi", "đang chờ xác nhận"),
        ("[Huỷ đơn]", "chưa được gửi tới người bán nào", "~Mình đã báo cho người bán"),
    ])  # fmt: skip
    assert [o.status for o in await orders_of(lonely_bot, chat)] == ["cancelled"]


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
async def test_7_a_reload_gets_the_conversation_back(catalog_db_url: str, tmp_path: Path) -> None:
    async with real_site(catalog_db_url, tmp_path / "nlu-model") as site:
        visitor = WebChat(await site.start())
        await visitor.open()
        await visitor.send("/start")
        await visitor.send("nước mắm Cái Rồng giá bao nhiêu?")
        await visitor.click("📍 Mua ở đâu")
        await site.restart()  # a reload, even after a server restart: the token is all
        visitor.client = site.client  # type: ignore[assignment]
        response = await visitor.client.get("/api/chat/history", headers=visitor.headers)
        messages = (await response.json())["messages"]
    said = [(m["role"], m.get("text") or "") for m in messages]
    assert said[0][0] == "bot" and "Xin chào" in said[0][1]
    assert ("user", "nước mắm Cái Rồng giá bao nhiêu?") in said
    assert any(role == "bot" and "Nước mắm Cái Rồng" in text for role, text in said[2:])
    assert said[-1][0] == "bot" and len(said) >= 5
