"""Payment fixtures: the order tests' database, clock and policy, plus an order by transfer
to a producer with a linked chat, a bank account and a seller's price."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import CartLine, Contact, Customer, Delivery, OrderDTO, OrderService
from catalog.payments.banks import find_bank
from catalog.payments.prices import SellerPrices
from catalog.payments.service import PaymentService
from tests.orders.conftest import (  # noqa: F401 - fixtures used by name
    CUSTOMER,
    OPERATOR,
    FakeClock,
    Run,
    clock,
    db,
    link_producer,
    policy,
    run,
)

PRODUCER_ID = "nuoc-mam-cai-rong-jsc"
PRODUCT = "nuoc-mam-cai-rong"
PRODUCER_CHAT = "telegram:7002"
NOW = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)


async def seller_ready(run: Run, price: int | None = 120_000) -> None:  # noqa: F811
    """Links the producer's chat, sets its bank account and (unless None) its price."""
    await link_producer(run, PRODUCER_ID, PRODUCER_CHAT)

    async def prepare(service: OrderService) -> None:
        session = service._session
        bank = find_bank("VCB")
        assert bank is not None
        await PaymentService(session).accounts.set(
            PRODUCER_ID, bank, "0011001234567", "Nguyễn Văn A", "test", NOW
        )
        if price is not None:
            await SellerPrices(session).set(PRODUCER_ID, PRODUCT, price, "chai 500ml", "test", NOW)

    await run(prepare)


async def order_by_transfer(run: Run, key: str = "pay-1", quantity: int = 2) -> OrderDTO:  # noqa: F811
    """Places an order by bank transfer and opens its payment (as the checkout does)."""

    async def place(service: OrderService) -> OrderDTO:
        [order] = await service.place(
            Customer(CUSTOMER, "vi"),
            [CartLine(PRODUCT, quantity)],
            Contact("Nguyễn Văn An", "0912345678"),
            Delivery("delivery", address="12 Trần Hưng Đạo, Hạ Long", payment="transfer"),
            None,
            key,
        )
        await PaymentService(service._session).open(order)
        return order

    return await run(place)  # type: ignore[return-value]


DB = async_sessionmaker[AsyncSession]

__all__ = ["DB", "FakeClock", "pytest"]
