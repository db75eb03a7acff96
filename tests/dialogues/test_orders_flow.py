"""The order conversation end to end: customer checkout, producer inbox, outbox updates."""

from __future__ import annotations

from tests.dialogues.conftest import Bot
from tests.dialogues.orders_kit import (
    deliver_outbox,
    linked_producer,
    new_id,
    orders_of,
)


async def test_happy_path_in_vietnamese(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    assert "Đã liên kết" in producer.text
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 2 chai nước mắm Cái Rồng")
    assert "tên người nhận" in chat.text
    await chat.send("Nguyễn Văn An")
    assert "Số điện thoại" in chat.text
    await chat.send("0912 345 678")
    assert "giao tận nơi" in chat.text.lower()
    await chat.click("Giao tận nơi")
    assert "địa chỉ giao hàng" in chat.text
    await chat.send("12 Trần Hưng Đạo, Hạ Long")
    assert "người bán" in chat.text
    await chat.send("gọi trước khi giao")
    summary = chat.text
    for part in (
        "2 chai Nước mắm Cái Rồng",
        "Nguyễn Văn An",
        "0912345678",
        "12 Trần Hưng Đạo",
        "Thanh toán khi nhận hàng",
        "gọi trước khi giao",
    ):
        assert part in summary, part
    assert chat.titles == ["✅ Xác nhận đặt hàng", "✏️ Sửa", "❌ Huỷ"]
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    assert order.number in chat.text and "Đặt hàng thành công" in chat.text
    assert order.payment == "cod" and order.status == "pending"
    inbox = (await deliver_outbox(bot))[f"telegram:{producer.chat_id}"]
    ping = next(r for r in inbox if order.number in r.text)
    assert "Đơn hàng mới" in ping.text and "0912345678" in ping.text
    accept = next(b for b in ping.buttons if "Nhận đơn" in b.title)
    await producer.press(accept.payload)
    assert f"Đã nhận đơn {order.number}" in producer.text
    told = (await deliver_outbox(bot))[f"test:{chat.chat_id}"]
    assert any(f"Đơn {order.number} đã được nhận" in r.text for r in told)
    await chat.send("đơn của tôi")
    assert order.number in chat.text and "đã được nhận" in chat.text


async def test_happy_path_in_english_with_pickup(bot: Bot) -> None:
    producer = await linked_producer(bot, "quy-hoa")
    chat = bot.chat(new_id("cust"))
    await chat.send("order 3 boxes of golden camellia tea")
    assert "Which one" in chat.text
    await chat.click("Quy Hoa")
    assert "What name" in chat.text
    await chat.send("John Smith")
    await chat.send("+84 912 345 678")
    await chat.click("Pick up")
    assert "Which OCOP centre" in chat.text
    await chat.click("Hạ Long")
    await chat.click("No note")
    assert "3 " in chat.text and "Quy Hoa golden camellia tea" in chat.text
    assert "Pay at pick-up" in chat.text and "0912345678" in chat.text
    await chat.click("Confirm")
    [order] = await orders_of(bot, chat)
    assert order.delivery_kind == "pickup" and order.customer_language == "en"
    await deliver_outbox(bot)
    await producer.send(f"nhận đơn {order.number}")
    assert "Đã nhận đơn" in producer.text
    told = (await deliver_outbox(bot))[f"test:{chat.chat_id}"]
    assert any(f"Order {order.number} was accepted" in r.text for r in told)
    await chat.send("order status")
    assert "has been accepted" in chat.text


async def test_typing_the_delivery_choice_asks_for_the_address(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mk 2 chai nc mắm cái rồng")
    await chat.send("Trần Thị Bình")
    await chat.send("0987.654.321")
    await chat.send("giao tận nhà")
    assert "địa chỉ giao hàng" in chat.text
    await chat.send("12 Lê Thánh Tông, Hạ Long")
    assert "người bán" in chat.text  # the optional note comes next
    await chat.click("Không có ghi chú")
    assert "Giao tới: 12 Lê Thánh Tông, Hạ Long" in chat.text
    assert "giao tận nhà" not in chat.text
