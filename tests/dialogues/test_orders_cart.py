"""The cart in the conversation: several producers, corrections, removals, interruptions."""

from __future__ import annotations

from tests.dialogues.conftest import Bot
from tests.dialogues.orders_kit import (
    FISH_SAUCE,
    OYSTER,
    checkout_vi,
    new_id,
    orders_of,
    send_oyster,
)


async def test_two_producers_make_two_order_numbers(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await send_oyster(chat, "thêm 1 hũ ruốc hàu")
    assert "tên người nhận" in chat.text
    await checkout_vi(chat, first="đặt hàng")
    assert "Nước mắm Cái Rồng" in chat.text and "Ruốc hàu" in chat.text
    await chat.click("Xác nhận")
    orders = await orders_of(bot, chat)
    assert len(orders) == 2 and "2 đơn" in chat.text
    assert all(o.number in chat.text for o in orders)
    assert {i.product_id: i.quantity for o in orders for i in o.items} == {
        FISH_SAUCE: 2,
        OYSTER: 1,
    }


async def test_change_a_quantity_and_remove_an_item_by_message(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await send_oyster(chat, "thêm 1 hũ ruốc hàu")
    await checkout_vi(chat, first="đặt hàng")
    await chat.send("à 3 chai thôi")
    assert "đã sửa số lượng" in chat.text and "• 3 chai Nước mắm Cái Rồng" in chat.text
    await chat.send("bỏ ruốc hàu")
    assert "đã bỏ" in chat.text and "Ruốc hàu" not in chat.text.split("Đơn hàng của bạn")[1]
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    assert [(i.product_id, i.quantity) for i in order.items] == [(FISH_SAUCE, 3)]


async def test_edit_menu_buttons_resize_and_remove(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await send_oyster(chat, "thêm 1 hũ ruốc hàu")
    await checkout_vi(chat, first="đặt hàng")
    await chat.click("Sửa")
    await chat.click("Bỏ Ruốc hàu")
    assert "đã bỏ" in chat.text
    await chat.click("Sửa")
    await chat.click("Đổi số lượng")
    assert "bao nhiêu" in chat.text
    await chat.send("5")
    assert "• 5 chai Nước mắm Cái Rồng" in chat.text


async def test_a_question_mid_checkout_is_answered_then_the_order_goes_on(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await chat.send("ruốc hàu giá bao nhiêu?")
    assert "Ruốc hàu" in chat.text and chat.replies[-1].text.startswith("Cho mình xin tên")
    assert chat.titles == []  # a typed "2" must not press the aside's buttons
    await chat.send("Nguyễn Văn An")
    assert "Số điện thoại" in chat.text


async def test_cancel_leaves_the_checkout_at_any_step(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    await chat.send("Nguyễn Văn An")
    await chat.send("hủy")
    assert "đã huỷ đơn đang đặt" in chat.text
    await chat.send("đặt hàng")
    assert "sản phẩm nào" in chat.text and await orders_of(bot, chat) == []


async def test_unknown_product_is_asked_again(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("đặt hàng")
    assert "sản phẩm nào" in chat.text and chat.titles
    await chat.send("xe máy điện")
    assert "chưa tìm thấy sản phẩm" in chat.text and "sản phẩm nào" in chat.text
    await send_oyster(chat, "ruốc hàu")
    assert "bao nhiêu" in chat.text


async def test_no_diacritics_and_english_variants(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("dat hang")
    await send_oyster(chat, "ruoc hau")
    await chat.send("2")
    assert "tên người nhận" in chat.text
    en = bot.chat(new_id("cust"))
    await en.send("I want to order oyster floss")
    assert "How many" in en.text
    await en.send("2")
    await en.send("Jane Doe")
    await en.send("0987654321")
    await en.click("Delivery")
    await en.send("5 Le Thanh Tong, Ha Long")
    await en.send("no")
    assert "Your order" in en.text and "Cash on delivery" in en.text
    await en.send("cancel")
    assert "cancelled the order in progress" in en.text
