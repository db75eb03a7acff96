"""Order pings through the real outbox dispatcher to two Telegram chats (producer, customer).

The conversational order flow is not built yet; orders are placed and accepted through
OrderService here, and the producer's button press is checked up to the engine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.telegram import TelegramChannel
from bot.notify import OutboxDispatcher
from catalog.orders import OrderPolicy, OrderService
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.tg_client import TelegramChat
from tests.orders.conftest import TEA, FakeClock, Run, link_producer, place
from tests.orders.fake_channels import renderer

MakeChannel = Callable[..., Awaitable[TelegramChannel]]
DB = async_sessionmaker[AsyncSession]
PRODUCER, CUSTOMER, OPERATOR = 101, 3001, 900


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run(catalog_session_factory: DB, clock: FakeClock) -> Run:
    policy = OrderPolicy(
        operator=f"telegram:{OPERATOR}",
        remind_after=timedelta(hours=2),
        escalate_after=timedelta(hours=6),
        max_quantity=100,
    )

    async def _run(fn: Callable[[OrderService], Awaitable[object]]) -> object:
        async with catalog_session_factory() as session, session.begin():
            return await fn(OrderService(session, clock, policy))

    return _run


async def test_producer_ping_and_customer_update_reach_their_chats_once_despite_429s(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    catalog_session_factory: DB,
    clock: FakeClock,
    run: Run,
) -> None:
    engine = FakeEngine()
    channel = await make_channel(engine)
    dispatcher = OutboxDispatcher(
        catalog_session_factory, {"telegram": channel}, renderer(), clock
    )
    await link_producer(run, "quy-hoa", f"telegram:{PRODUCER}")
    [order] = await place(run, [(TEA, 2)], customer=f"telegram:{CUSTOMER}")

    fake_api.fail("sendMessage", times=2, status=429, retry_after=1)
    assert await dispatcher.run_once() >= 1
    [ping] = fake_api.ok_calls("sendMessage", PRODUCER)
    assert ping.params["text"].startswith(f"Đơn mới {order.number}:")
    buttons = [b for row in ping.params["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["callback_data"] for b in buttons] == [
        f"o:acc:{order.id}:v1",
        f"o:dec:{order.id}:v1",
    ]

    producer = TelegramChat(fake_api, channel, PRODUCER)
    await producer.click("Nhận đơn")
    assert engine.received[-1].payload == f"o:acc:{order.id}:v1"
    assert engine.received[-1].user_id == str(PRODUCER)

    accepted = await run(lambda s: s.act(order.id, "accept", f"telegram:{PRODUCER}", token="v1"))
    assert getattr(accepted, "status", None) == "accepted"
    assert await dispatcher.run_once() >= 1
    assert await dispatcher.run_once() == 0
    assert fake_api.texts(CUSTOMER) == [f"Đơn {order.number} đã được nhận."]
    assert len(fake_api.ok_calls("sendMessage", PRODUCER)) == 2  # the ping, the echo
