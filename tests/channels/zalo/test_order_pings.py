"""An order through the real outbox dispatcher: the producer on Zalo OA, the customer on the
web chat. The producer answers the ping's numbered
options by typing "1", which the real engine reads as the accept button.

The conversational order flow is being built elsewhere; orders are placed and accepted
through OrderService here, and the producer's choice is checked up to the engine.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.notify import OutboxDispatcher
from catalog.orders import OrderPolicy, OrderService
from tests.channels.zalo.fake_oa_api import FakeZaloOA
from tests.channels.zalo.oa_events import OaEvents
from tests.channels.zalo.oa_fixtures import OaSetup
from tests.core.fakes import FakeNlu, build_engine
from tests.orders.conftest import TEA, FakeClock, Run, link_producer, place
from tests.orders.fake_channels import RecordingChannel, renderer

DB = async_sessionmaker[AsyncSession]
PRODUCER, OPERATOR, CUSTOMER = "zl-producer-1", "zl-operator", "web:cust-1"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run(catalog_session_factory: DB, clock: FakeClock) -> Run:
    policy = OrderPolicy(
        operator=f"zalo_bot:{OPERATOR}",
        remind_after=timedelta(hours=2),
        escalate_after=timedelta(hours=6),
        max_quantity=100,
    )

    async def _run(fn: Callable[[OrderService], Awaitable[object]]) -> object:
        async with catalog_session_factory() as session, session.begin():
            return await fn(OrderService(session, clock, policy))

    return _run


async def test_producer_on_zalo_customer_on_web_each_get_their_message_once(
    oa_api: FakeZaloOA,
    make_oa: Callable[..., Awaitable[OaSetup]],
    catalog_session_factory: DB,
    clock: FakeClock,
    run: Run,
) -> None:
    pressed: list[str | None] = []

    async def producer_choice(turn: Turn) -> Outcome:
        pressed.append(turn.msg.payload)
        return Outcome([Reply("Đã ghi nhận")])

    router = Router()
    router.on_payload("o:acc", producer_choice)
    router.set_fallback(producer_choice)
    engine = build_engine(catalog_session_factory, router, FakeNlu({}))
    oa = await make_oa(engine)
    web = RecordingChannel("web")
    channels = {"zalo_oa": oa.channel, "web": web}
    dispatcher = OutboxDispatcher(catalog_session_factory, channels, renderer(), clock)
    await link_producer(run, "quy-hoa", f"zalo_oa:{PRODUCER}")
    [order] = await place(run, [(TEA, 2)], customer=CUSTOMER)

    oa_api.fail_cs(2, code=-32)
    assert await dispatcher.run_once() == 1
    [ping] = oa_api.texts(PRODUCER)
    assert ping.startswith(f"Đơn mới {order.number}:")
    assert ping.endswith("1. Nhận đơn\n2. Từ chối")

    assert await oa.deliver(OaEvents.sign(OaEvents().text(PRODUCER, "1"))) == 200
    assert pressed == [f"o:acc:{order.id}:v1"]
    assert oa_api.texts(PRODUCER)[-1] == "Đã ghi nhận"

    accepted = await run(lambda s: s.act(order.id, "accept", f"zalo_oa:{PRODUCER}", token="v1"))
    assert getattr(accepted, "status", None) == "accepted"
    assert await dispatcher.run_once() >= 1
    assert await dispatcher.run_once() == 0
    assert [(chat, [r.text for r in replies]) for chat, replies in web.sent] == [
        ("cust-1", [f"Đơn {order.number} đã được nhận."])
    ]
    assert len(oa_api.texts(PRODUCER)) == 2  # the ping and the engine's answer, once each
