"""The producer's side: linking, the open-order list, and the whole life of an order."""

from __future__ import annotations

from tests.dialogues.conftest import Bot
from tests.dialogues.orders_kit import (
    checkout_vi,
    deliver_outbox,
    invite,
    linked_producer,
    new_id,
    orders_of,
    send_oyster,
)


async def test_link_refuses_bad_and_used_codes(bot: Bot) -> None:
    code = await invite(bot, "bavabi")
    first = bot.chat(new_id("producer"), channel="telegram")
    await first.send("/link")
    assert "/link" in first.text and "mã mời" in first.text
    await first.send("/link WRNG-CODE")
    assert "Mã mời không đúng" in first.text
    await first.send(f"/link {code}")
    assert "Đã liên kết" in first.text and "Bavabi" in first.text
    second = bot.chat(new_id("producer"), channel="web")
    await second.send(f"/link {code}")
    assert "đã được dùng" in second.text
    await second.send("/orders")
    assert "chưa được liên kết" in second.text


async def test_an_order_from_ping_to_delivery_in_english(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat = bot.chat(new_id("cust"))
    await chat.send("I want to order 2 bottles of Cai Rong fish sauce")
    await chat.send("Jane Doe")
    await chat.send("0987 654 321")
    await chat.click("Delivery")
    await chat.send("5 Le Thanh Tong, Ha Long")
    await chat.click("No note")
    await chat.click("Confirm")
    [order] = await orders_of(bot, chat)
    await producer.send("/orders")
    assert order.number in producer.text and "Jane Doe" in producer.text
    await producer.click("Nhận đơn")
    assert "Đã nhận đơn" in producer.text and producer.titles == ["🚚 Đã gửi hàng"]
    await producer.click("Đã gửi hàng")
    await producer.send(f"delivered {order.id}")
    assert "giao xong" in producer.text
    told = [r.text for r in (await deliver_outbox(bot))[f"test:{chat.chat_id}"]]
    assert any(f"Order {order.number} was accepted" in t for t in told)
    assert any(f"Order {order.number} is on its way" in t for t in told)
    assert any(f"Order {order.number} has been delivered" in t for t in told)


async def test_the_producer_hears_of_a_cancellation_and_customers_see_only_theirs(
    bot: Bot,
) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat, other = bot.chat(new_id("cust")), bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    await other.send("đơn của tôi")
    assert order.number not in other.text and "chưa có đơn hàng" in other.text
    await other.send(f"hủy đơn {order.number}")
    assert "không thể thao tác" in other.text
    await chat.send("hủy đơn")
    await chat.click(f"Huỷ đơn {order.number}")
    assert f"Đã huỷ đơn {order.number}" in chat.text
    inbox = (await deliver_outbox(bot))[f"telegram:{producer.chat_id}"]
    assert any(f"đã huỷ đơn {order.number}" in r.text for r in inbox)


async def test_asides_keep_the_pending_question_and_its_buttons(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("đặt hàng")
    await send_oyster(chat, "ruốc hàu")
    await chat.send("nước mắm Cái Rồng giá bao nhiêu?")
    assert "bao nhiêu" in chat.replies[-1].text and chat.titles == []
    await chat.send("2")  # the quantity, not a button of the price answer
    assert "tên người nhận" in chat.text
    await checkout_vi(chat, first="đặt hàng")
    await chat.send("ruốc hàu ở đâu bán?")
    assert chat.replies[-1].text.startswith("🧾") and "Xác nhận" in chat.titles[0]
    await chat.send("1")  # the first option: Confirm
    assert "Đặt hàng thành công" in chat.text
