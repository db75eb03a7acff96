"""A whole order over Telegram: the customer and the producer are two Telegram chats.

Real engine, real NLU, real seeded catalog; pings go through the real outbox dispatcher to
the same TelegramChannel, against the fake Bot API.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable

from bot.channels.telegram import TelegramChannel
from bot.core.i18n import I18n
from bot.notify import OutboxDispatcher
from bot.notify_render import OutboxRenderer
from catalog.orders import OrderDTO, OrderService
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.tg_client import TelegramChat
from tests.channels.telegram.updates import Updates
from tests.dialogues.conftest import (  # noqa: F401 - fixtures used by name
    Bot,
    bot,
    dialogue_db_url,
    nlu_model_dir,
)
from tests.dialogues.orders_kit import invite

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
CUSTOMER, PRODUCER = 5001, 5002


async def test_a_customer_orders_and_the_producer_accepts_in_two_telegram_chats(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    bot: Bot,  # noqa: F811
) -> None:
    channel = await make_channel(bot.engine)
    dispatcher = OutboxDispatcher(
        bot.sessions, {"telegram": channel}, OutboxRenderer(I18n.load().t)
    )
    # update_ids are unique per bot; the module's database remembers the ones it saw
    updates = Updates(first_update_id=random.randrange(10**6, 10**9))
    producer = TelegramChat(fake_api, channel, PRODUCER, updates)
    customer = TelegramChat(fake_api, channel, CUSTOMER, updates)

    await producer.send(f"/link {await invite(bot, 'nuoc-mam-cai-rong-jsc')}")
    assert "Đã liên kết" in producer.text

    await customer.send("cho mình 2 chai nước mắm Cái Rồng")
    assert "tên người nhận" in customer.text
    await customer.send("Nguyễn Văn An")
    assert "Số điện thoại" in customer.text
    await customer.share_contact("+84912345678")  # Telegram's own "share my number"
    assert "giao tận nơi" in customer.text.lower()
    await customer.click("Giao tận nơi")
    await customer.send("12 Trần Hưng Đạo, Hạ Long")
    await customer.click("Không có ghi chú")
    assert "0912345678" in customer.text and "2 chai Nước mắm Cái Rồng" in customer.text
    await customer.click("Xác nhận")
    assert "Đặt hàng thành công" in customer.text
    [order] = await orders_of(bot, CUSTOMER)

    fake_api.fail("sendMessage", times=1, status=429, retry_after=1)
    assert await dispatcher.run_once() >= 1
    [ping] = [t for t in fake_api.texts(PRODUCER) if order.number in t]
    assert "Đơn hàng mới" in ping and "0912345678" in ping
    await producer.click("Nhận đơn")
    assert producer.methods[0] == "answerCallbackQuery"
    assert f"Đã nhận đơn {order.number}" in producer.text
    await producer.send("/orders@ocop_test_bot")
    assert order.number in producer.text

    assert await dispatcher.run_once() >= 1
    assert await dispatcher.run_once() == 0
    told = [t for t in fake_api.texts(CUSTOMER) if f"Đơn {order.number} đã được nhận" in t]
    assert len(told) == 1


async def orders_of(bot: Bot, chat_id: int) -> list[OrderDTO]:  # noqa: F811
    """The orders placed from a Telegram chat."""
    async with bot.sessions() as session:
        return await OrderService(session).orders_of_customer(f"telegram:{chat_id}")
