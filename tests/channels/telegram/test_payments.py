"""Paying an order by VietQR over Telegram, end to end: a producer sets its price and bank
account from its chat, a customer orders by bank transfer and receives the QR photo, SePay
posts the matching transfer, both sides are told and the order shows paid. A forged and a
replayed notification change nothing.

Real engine, NLU, seeded catalog, outbox dispatcher and webhook, against the fake Bot API.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.admin_cli import orders_list, orders_show
from bot.channels.telegram import TelegramChannel
from bot.core.i18n import I18n
from bot.notify import OutboxDispatcher
from bot.notify_render import OutboxRenderer
from bot.payments_config import PaymentsSettings
from bot.payments_webhook import PaymentWebhooks
from catalog.orders import OrderDTO, OrderPolicy, OrderService
from catalog.payments.vietqr import build_payload
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.tg_client import TelegramChat
from tests.channels.telegram.updates import Updates
from tests.dialogues.conftest import (  # noqa: F401 - fixtures used by name
    OPERATOR,
    Bot,
    bot,
    dialogue_db_url,
    nlu_model_dir,
)
from tests.dialogues.orders_kit import invite
from tests.loopback import serve_on_loopback
from tests.payments.kit import SEPAY_KEY, decode_qr, sepay_body, sepay_headers

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
CUSTOMER, PRODUCER = 6001, 6002


@pytest.fixture
async def webhook(bot: Bot) -> AsyncIterator[str]:  # noqa: F811
    """The SePay webhook of this bot, served on loopback; yields its URL."""
    settings = PaymentsSettings(sepay_api_key=SecretStr(SEPAY_KEY))
    app = web.Application()
    PaymentWebhooks(settings, bot.sessions, OrderPolicy(operator=OPERATOR)).setup(app)
    runner, base = await serve_on_loopback(app)
    yield f"{base}{settings.sepay_path}"
    await runner.cleanup()


async def post(url: str, body: dict[str, object], key: str = SEPAY_KEY) -> tuple[int, dict]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(url, json=body, headers=sepay_headers(key)) as response,
    ):
        return response.status, await response.json()


async def test_a_producer_is_paid_by_vietqr_and_both_sides_are_told(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    bot: Bot,  # noqa: F811
    webhook: str,
) -> None:
    channel = await make_channel(bot.engine)
    dispatcher = OutboxDispatcher(
        bot.sessions, {"telegram": channel}, OutboxRenderer(I18n.load().t)
    )
    updates = Updates(first_update_id=random.randrange(10**6, 10**9))
    producer = TelegramChat(fake_api, channel, PRODUCER, updates)
    customer = TelegramChat(fake_api, channel, CUSTOMER, updates)

    # The producer links its chat, sets its own price and its bank account.
    await producer.send(f"/link {await invite(bot, 'nuoc-mam-cai-rong-jsc')}")
    assert "Đã liên kết" in producer.text
    await producer.send("/gia")
    assert "Nước mắm Cái Rồng (nuoc-mam-cai-rong): chưa có giá" in producer.text
    await producer.send("/gia nuoc-mam-cai-rong 120000 chai 500ml")
    assert "Đã lưu giá Nước mắm Cái Rồng: 120.000 đ/chai 500ml" in producer.text
    await producer.send("/bank")
    assert "ngân hàng, số tài khoản, tên chủ tài khoản" in producer.text
    await producer.send("Vietcombank 0011 0012 34567 Nguyễn Văn A")
    assert "Vietcombank (VCB), số *********4567, chủ TK NGUYEN VAN A" in producer.text
    assert "0011001234567" not in producer.text  # shown back masked

    # The customer orders two bottles and pays by bank transfer.
    await customer.send("cho mình 2 chai nước mắm Cái Rồng nha")
    await customer.send("Nguyễn Văn An")
    await customer.share_contact("+84912345678")
    await customer.click("Giao tận nơi")
    await customer.send("12 Trần Hưng Đạo, Hạ Long")
    await customer.click("Không có ghi chú")
    assert "120.000 đ mỗi đơn vị" in customer.text and "240.000 đ" in customer.text
    await customer.click("Xác nhận")
    assert "thanh toán thế nào" in customer.text
    await customer.click("Chuyển khoản")
    assert "Đặt hàng thành công" in customer.text
    [order] = await orders_of(bot, CUSTOMER)
    assert order.payment == "transfer" and order.total_vnd == 240_000
    assert customer.methods.count("sendPhoto") == 1
    [png] = customer.photos
    content = f"OCOP {order.number}"
    assert decode_qr(png) == build_payload("970436", "0011001234567", 240_000, content)
    for detail in ("Vietcombank (VCB)", "0011001234567", "NGUYEN VAN A", "240000", content):
        assert detail in customer.text  # copyable under the photo

    # The producer gets the order and accepts it; the total was known, so no question.
    assert await dispatcher.run_once() >= 1
    [ping] = [t for t in fake_api.texts(PRODUCER) if order.number in t]
    assert "Chuyển khoản ngân hàng (VietQR)" in ping and "240.000 ₫" in ping
    await producer.click("Nhận đơn")
    assert f"Đã nhận đơn {order.number}" in producer.text
    assert any("Đã nhận tiền" in title for title in producer.titles)
    await dispatcher.run_once()

    # SePay posts the matching transfer: paid, and both sides are told once.
    body = sepay_body(f"MBVCB.3278907687.{content}.CT tu 0123456789 NGUYEN VAN AN", 240_000)
    assert await post(webhook, body) == (200, {"success": True, "outcomes": ["matched"]})
    before = len(fake_api.calls)
    assert await dispatcher.run_once() == 2
    told = [c.params["text"] for c in fake_api.calls[before:] if c.method == "sendMessage"]
    assert any(f"Đơn {order.number} đã được thanh toán (240.000 ₫)" in t for t in told)
    assert any("đã nhận được tiền chuyển khoản: 240.000 ₫" in t for t in told)
    assert "paid (transfer)" in await orders_list(bot.sessions, payment="paid")
    assert order.number not in await orders_list(bot.sessions, payment="unpaid")
    shown = await orders_show(bot.sessions, order.number)
    assert "Payment:   paid - transfer, 240.000 ₫" in shown and "bank:sepay:" in shown

    # A replayed notification and a forged one change nothing and tell nobody.
    assert (await post(webhook, body))[0] == 200
    assert await post(webhook, sepay_body(content, 240_000), key="guessed") == (
        401,
        {"success": False, "error": "unauthorized"},
    )
    assert await dispatcher.run_once() == 0
    assert await orders_show(bot.sessions, order.number) == shown

    # "Đã nhận tiền" afterwards only says it is already recorded.
    await producer.click("Đã nhận tiền")
    assert f"Đơn {order.number} đã được ghi nhận thanh toán rồi" in producer.text


async def orders_of(bot: Bot, chat_id: int) -> list[OrderDTO]:  # noqa: F811
    async with bot.sessions() as session:
        return await OrderService(session).orders_of_customer(f"telegram:{chat_id}")
