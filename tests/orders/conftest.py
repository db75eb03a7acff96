"""Fixtures for the order tests: a seeded database, a fake clock, linked producers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import (
    CartLine,
    Contact,
    Customer,
    Delivery,
    OrderDTO,
    OrderPolicy,
    OrderService,
)

OPERATOR = "telegram:900"
CUSTOMER = "web:cust-1"
# Seed products: two producers, and one product without a producer.
TEA = "tra-hoa-vang-quy-hoa"  # producer quy-hoa
PEARL = "ngoc-trai-akoya"  # producer halong-pearl
CHICKEN = "ga-tien-yen"  # no producer


@dataclass
class FakeClock:
    """A clock that only moves when a test moves it."""

    now: datetime = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def policy() -> OrderPolicy:
    return OrderPolicy(
        operator=OPERATOR,
        remind_after=timedelta(hours=2),
        escalate_after=timedelta(hours=6),
        max_quantity=100,
    )


@pytest.fixture
async def db(catalog_db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on a migrated, seeded database (SQLite and PostgreSQL)."""
    from catalog.db import make_engine, make_session_factory

    engine = make_engine(catalog_db_url)
    try:
        yield make_session_factory(engine)
    finally:
        await engine.dispose()


Run = Callable[[Callable[[OrderService], Awaitable[object]]], Awaitable[object]]


@pytest.fixture
def run(db: async_sessionmaker[AsyncSession], clock: FakeClock, policy: OrderPolicy) -> Run:
    """Runs `fn(service)` in one committed transaction, like a handler turn."""

    async def _run(fn: Callable[[OrderService], Awaitable[object]]) -> object:
        async with db() as session, session.begin():
            return await fn(OrderService(session, clock, policy))

    return _run


async def link_producer(run: Run, producer_id: str, address: str) -> None:
    """Links `address` to the producer through a real invite."""
    invite = await run(lambda s: s.create_invite(producer_id))
    assert await run(lambda s: s.link(invite.code, address)) == producer_id  # type: ignore[attr-defined]


async def place(
    run: Run,
    lines: list[tuple[str, int]],
    key: str = "msg-1",
    customer: str = CUSTOMER,
    delivery: Delivery | None = None,
) -> list[OrderDTO]:
    """Places a cart for `customer` with a valid contact."""
    result = await run(
        lambda s: s.place(
            Customer(customer, "vi"),
            [CartLine(p, q) for p, q in lines],
            Contact("Nguyễn Văn An", "0912 345 678"),
            delivery or Delivery("delivery", address="12 Trần Hưng Đạo, Hạ Long"),
            "gọi trước khi giao",
            key,
        )
    )
    assert isinstance(result, list)
    return result
