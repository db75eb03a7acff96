"""What the order conversation refuses: bad values, other people's orders, stale buttons."""

from __future__ import annotations

from bot.core.messages import ConversationKey, IncomingMessage
from catalog.orders import make_order_payload
from tests.dialogues.conftest import Bot
from tests.dialogues.orders_kit import (
    checkout_vi,
    deliver_outbox,
    linked_producer,
    new_id,
    order_by_id,
    orders_of,
    send_oyster,
)


async def test_bad_phone_and_quantities_are_asked_again(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("đặt hàng")
    await send_oyster(chat, "ruốc hàu")
    for bad in ("0", "1000"):
        await chat.send(bad)
        assert "từ 1 đến 100" in chat.text and "bao nhiêu" in chat.text
    await chat.send("2")
    await chat.send("Nguyễn Văn An")
    for bad in ("12345", "0123 456 789", "abc"):
        await chat.send(bad)
        assert "Số điện thoại chưa đúng" in chat.text
    await chat.send("0912345678")
    assert "giao tận nơi" in chat.text.lower()


async def test_an_out_of_range_quantity_in_the_first_message_is_asked_again(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await chat.send("cho mình 1000 chai nước mắm Cái Rồng")
    assert "từ 1 đến 100" in chat.text and "bao nhiêu" in chat.text
    await chat.send("100")
    await chat.send("thêm 1 chai nước mắm Cái Rồng")  # 101 in all
    assert "từ 1 đến 100" in chat.text and "bao nhiêu" in chat.text


async def test_decline_asks_a_reason_and_tells_the_customer(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    await producer.press(make_order_payload("decline", order.id, order.version))
    assert "lý do" in producer.text
    await producer.send("hết hàng tuần này")
    assert f"Đã từ chối đơn {order.number}" in producer.text
    told = (await deliver_outbox(bot))[f"test:{chat.chat_id}"]
    assert any("hết hàng tuần này" in r.text for r in told)
    [order] = await orders_of(bot, chat)
    assert order.status == "declined"


async def test_decline_by_text_with_the_reason_inline(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    await producer.send(f"từ chối đơn {order.id} hết hàng")
    assert "Đã từ chối" in producer.text
    declined = await order_by_id(bot, order.id)
    assert declined is not None and declined.events[-1].reason == "hết hàng"


async def test_cancel_before_acceptance_and_refused_after(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    await chat.send("đơn của tôi")
    await chat.click("Huỷ đơn")
    assert "Đã huỷ đơn" in chat.text
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    second = next(o for o in await orders_of(bot, chat) if o.status == "pending")
    await producer.send(f"accept {second.number}")
    assert "Đã nhận đơn" in producer.text
    await chat.send(f"hủy đơn {second.number}")
    assert "đã được nhận" in chat.text and "không thể" in chat.text
    assert (await orders_of(bot, chat))[0].status == "accepted"


async def test_a_producer_cannot_act_on_another_producers_order(bot: Bot) -> None:
    await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    other = await linked_producer(bot, "bavabi")
    stranger = bot.chat(new_id("stranger"), channel="telegram")
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    await other.press(make_order_payload("accept", order.id, order.version))
    assert "không thể thao tác trên đơn này" in other.text
    assert order.number not in other.text  # someone else's order number is not disclosed
    await stranger.send(f"nhận đơn {order.id}")
    assert "không thể thao tác" in stranger.text
    assert order.number not in stranger.text
    await other.send("/orders")
    assert order.number not in other.text
    assert (await orders_of(bot, chat))[0].status == "pending"


async def test_replayed_and_forged_buttons_change_nothing(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    [order] = await orders_of(bot, chat)
    accept = make_order_payload("accept", order.id, order.version)
    await producer.press(accept)
    await producer.press(make_order_payload("ship", order.id, order.version + 1))
    await producer.press(accept)  # replayed
    assert "đã cũ" in producer.text or "không thể làm" in producer.text
    await producer.press(f"o:acc:{order.id}:vX")  # forged
    assert "không hợp lệ" in producer.text
    await chat.press(make_order_payload("cancel", order.id, 1))  # stale cancel
    assert (await orders_of(bot, chat))[0].status == "shipped"


async def test_the_same_inbound_message_twice_places_one_order(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    confirm = IncomingMessage("test", chat.chat_id, "u-1", "confirm-1", payload="ck:ok")
    await bot.engine.handle(confirm)
    assert await bot.engine.handle(confirm) == []  # the engine drops the duplicate
    assert len(await orders_of(bot, chat)) == 1


async def test_a_confirmation_replayed_after_a_lost_state_places_one_order(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    store, key = bot.engine._store, ConversationKey("test", chat.chat_id)
    saved = await store.get(key)
    await chat.click("Xác nhận")
    assert saved is not None
    await store.set(key, saved)  # as if the state save after the commit never happened
    await chat.press("ck:ok")  # another message id, the same draft
    assert len(await orders_of(bot, chat)) == 1 and "Đặt hàng thành công" in chat.text


async def test_contact_and_address_are_offered_next_time(bot: Bot) -> None:
    chat = bot.chat(new_id("cust"))
    await checkout_vi(chat)
    await chat.click("Xác nhận")
    await send_oyster(chat, "đặt 1 hũ ruốc hàu")
    await chat.click("Dùng tên Nguyễn Văn An")
    await chat.click("Dùng số")
    assert "Giao về địa chỉ cũ (12 Trần Hưng Đạo, Hạ Long)" in chat.text
    await chat.send("có")
    await chat.click("Không có ghi chú")
    assert "Giao tới: 12 Trần Hưng Đạo, Hạ Long" in chat.text
