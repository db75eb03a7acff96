"""Paying by transfer when the total is not known yet, in the users' own words: the producer
registers its bank in a short dialogue, the customer (web chat) chooses "chuyển khoản" by
typing, the producer's Accept asks for the total, the customer then gets the VietQR through
the outbox as a data URI the web API carries, a reminder if it stays unpaid, and "đã nhận
tiền" from the producer settles it. A seller's price then shows as the seller's."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

from bot.channels.web.codec import render_reply
from bot.core.i18n import I18n
from bot.notify import OutboxDispatcher
from bot.notify_render import OutboxRenderer
from bot.payment_reminders import remind_unpaid_once
from bot.payments_cli import set_bank, set_price
from catalog.orders import OrderPolicy
from catalog.payments.vietqr import build_payload
from tests.dialogues.conftest import OPERATOR, Bot
from tests.dialogues.orders_kit import checkout_vi, deliver_outbox, linked_producer, orders_of
from tests.orders.fake_channels import RecordingChannel
from tests.payments.kit import decode_qr


async def test_the_total_is_asked_on_accept_and_the_qr_follows(bot: Bot) -> None:
    producer = await linked_producer(bot, "nuoc-mam-cai-rong-jsc")
    await producer.send("/bank")
    assert "tên chủ tài khoản" in producer.text
    await producer.send("NganHangLa 0011001234567 nguyen van a")
    assert 'Mình không biết ngân hàng "NganHangLa"' in producer.text
    await producer.send("vietinbank 1234 5678 9012 trần thị bích")
    assert "VietinBank (ICB), số ********9012, chủ TK TRAN THI BICH" in producer.text

    customer = bot.chat(channel="web")
    await checkout_vi(customer, "cho minh 2 chai nuoc mam cai rong nha")
    assert "người bán sẽ báo" in customer.text
    await customer.click("Xác nhận")
    assert "thanh toán thế nào" in customer.text
    await customer.send("mình chuyển khoản nhé")
    assert "Đặt hàng thành công" in customer.text
    assert "khi người bán xác nhận đơn và tổng tiền, mình sẽ gửi mã VietQR" in customer.text
    assert not any(r.image for r in customer.replies)
    [order] = await orders_of(bot, customer)
    assert order.payment == "transfer" and order.total_vnd is None

    [ping] = (await deliver_outbox(bot))[f"telegram:{producer.chat_id}"]
    await producer.press(next(b.payload for b in ping.buttons if "Nhận đơn" in b.title))
    assert f"Đơn {order.number} trả bằng chuyển khoản" in producer.text
    assert "2 × Nước mắm Cái Rồng" in producer.text
    await producer.send("để mình xem đã")
    assert "chưa đọc được số tiền" in producer.text
    await producer.send("250k")
    assert f"Đã nhận đơn {order.number} với tổng 250.000 ₫" in producer.text
    assert any("Đã nhận tiền" in t for t in producer.titles)

    got = await deliver_outbox(bot)
    address = f"web:{customer.chat_id}"
    [qr] = [r for r in got[address] if r.image]
    content = f"OCOP {order.number}"
    assert "Số tiền: 250000 (250.000 ₫)" in qr.text and f"Nội dung: {content}" in qr.text
    shown = render_reply(qr)["image"]  # what the web chat API sends
    assert shown.startswith("data:image/png;base64,")
    png = base64.b64decode(shown.removeprefix("data:image/png;base64,"))
    assert decode_qr(png) == build_payload("970415", "123456789012", 250_000, content)
    assert any(f"Đơn {order.number} đã được nhận" in r.text for r in got[address])

    # Still unpaid a day later: one reminder with the code again, and only one.
    later = datetime.now(UTC) + timedelta(hours=25)
    policy = OrderPolicy(operator=OPERATOR)
    after = timedelta(hours=24)
    assert await remind_unpaid_once(bot.sessions, policy, after, lambda: later) == [order.number]
    assert await remind_unpaid_once(bot.sessions, policy, after, lambda: later) == []
    web = RecordingChannel("web")
    await OutboxDispatcher(
        bot.sessions, {"web": web}, OutboxRenderer(I18n.load().t), lambda: later
    ).run_once()
    [(_chat, [reminder])] = web.sent
    assert f"Đơn {order.number} chưa nhận được tiền" in reminder.text and reminder.image

    await producer.send("/orders")
    assert "Thanh toán: chưa thanh toán" in producer.text
    assert f"💰 Đã nhận tiền đơn {order.number}" in producer.titles
    await producer.send("đã nhận tiền rồi nha")
    assert f"Đã ghi nhận đơn {order.number} đã thanh toán" in producer.text
    [paid] = (await deliver_outbox(bot))[address]
    assert f"Đơn {order.number} đã được thanh toán (250.000 ₫)" in paid.text
    await producer.send("/orders")
    assert "Thanh toán: đã thanh toán" in producer.text
    assert not any("Đã nhận tiền" in t for t in producer.titles)

    # The producer sets its price with the buttons; a tourist sees it as the seller's.
    await producer.send("/gia")
    await producer.click("Đặt giá Nước mắm Cái Rồng")
    assert "Giá bán Nước mắm Cái Rồng là bao nhiêu" in producer.text
    await producer.send("120.000đ chai 500ml")
    assert "Đã lưu giá Nước mắm Cái Rồng: 120.000 đ/chai 500ml" in producer.text
    tourist = bot.chat()
    await tourist.send("nước mắm cái rồng giá bao nhiêu vậy")
    month = datetime.now(UTC).strftime("%-m/%Y")
    assert f"Giá của người bán, {month}: 120.000 đ / chai 500ml" in tourist.text
    await tourist.send("kể thêm về nước mắm cái rồng đi")
    assert f"Giá của người bán, {month}: 120.000 đ / chai 500ml" in tourist.text


async def test_someone_else_cannot_say_they_were_paid(bot: Bot) -> None:
    stranger = bot.chat(channel="telegram")
    await stranger.send("/bank VCB 0011001234567 NGUYEN VAN A")
    assert "dành cho cơ sở sản xuất đã liên kết" in stranger.text
    await stranger.send("/gia")
    assert "dành cho cơ sở sản xuất đã liên kết" in stranger.text
    await stranger.send("đã nhận tiền")
    assert "không có đơn nào đang chờ tiền" in stranger.text


async def test_an_english_speaker_pays_by_transfer_and_gets_the_code_at_once(bot: Bot) -> None:
    await set_bank(bot.sessions, "nuoc-mam-cai-rong-jsc", "MB", "0912345678", "Đặng Đức Anh")
    await set_price(bot.sessions, "nuoc-mam-cai-rong", "95k", "chai 500ml")
    chat = bot.chat()
    await chat.send("I want to order 2 bottles of Cai Rong fish sauce")
    await chat.send("Jane Doe")
    await chat.send("0987 654 321")
    await chat.click("Delivery")
    await chat.send("12 Tran Hung Dao street, Ha Long")
    await chat.click("No note")
    assert "95.000 đ" in chat.text and "190.000 đ" in chat.text
    assert "Cash on delivery, or bank transfer (VietQR) — you choose after confirming" in chat.text
    await chat.click("Confirm")
    assert "How would you like to pay?" in chat.text
    assert chat.titles == ["🏦 Bank transfer (VietQR)", "💵 Cash on delivery"]
    await chat.send("hmm what are my options")
    assert "Please choose: bank transfer, or cash" in chat.text
    await chat.send("bank transfer please")
    [order] = await orders_of(bot, chat)
    [qr] = [r for r in chat.replies if r.image]
    assert f"Pay for order {order.number}" in qr.text and "DANG DUC ANH" in qr.text
    assert qr.image is not None and qr.image.png is not None
    png = qr.image.png
    expected = build_payload("970422", "0912345678", 190_000, f"OCOP {order.number}")
    assert decode_qr(png) == expected
