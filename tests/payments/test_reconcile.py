"""Bank notifications matched to orders: exact -> paid and both sides told; wrong amount or
unknown code -> unpaid, flagged for the operator; a repeat changes nothing."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.admin_cli import orders_list, orders_show
from catalog.orders import OrderService
from catalog.payments.models import BankNotification
from catalog.payments.providers import parse_sepay
from catalog.payments.reconcile import Reconciler
from catalog.payments.repository import PaymentRepository
from tests.orders.helpers import outbox_rows
from tests.payments.conftest import (
    CUSTOMER,
    DB,
    OPERATOR,
    PRODUCER_CHAT,
    Run,
    order_by_transfer,
    seller_ready,
)
from tests.payments.kit import sepay_body


async def notify(run: Run, body: dict[str, Any]) -> Any:
    async def apply(service: OrderService) -> Any:
        reconciler = Reconciler(service._session, service._clock, service._policy)
        return await reconciler.apply(parse_sepay(body), body)

    return await run(apply)


async def state(db: DB, order_id: int) -> str:
    async with db() as session:
        payment = await PaymentRepository(session).get(order_id)
    assert payment is not None
    return payment.state


async def test_an_exact_transfer_pays_the_order_and_tells_both_sides(run: Run, db: DB) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    assert order.total_vnd == 240_000
    result = await notify(run, sepay_body(f"IBFT OCOP {order.number} chuyen tien", 240_000))
    assert (result.outcome, result.order_number) == ("matched", order.number)
    assert await state(db, order.id) == "paid"
    paid = [r for r in await outbox_rows(db) if r["kind"] == "payment.paid"]
    assert {r["recipient"] for r in paid} == {CUSTOMER, PRODUCER_CHAT}
    assert {r["key"] for r in paid} == {"payments.paid.customer", "payments.paid.producer"}


async def test_the_same_notification_twice_changes_nothing(run: Run, db: DB) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    body = sepay_body(f"OCOP {order.number}", 240_000)
    await notify(run, body)
    rows = await outbox_rows(db)
    again = await notify(run, body)
    assert again.duplicate and again.outcome == "matched"
    assert await outbox_rows(db) == rows
    async with db() as session:
        assert await session.scalar(select(func.count()).select_from(BankNotification)) == 1


async def test_a_wrong_amount_is_left_unpaid_and_shown_to_the_operator(
    run: Run, db: DB, caplog: pytest.LogCaptureFixture
) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    with caplog.at_level(logging.WARNING, logger="catalog.payments.reconcile"):
        result = await notify(run, sepay_body(f"OCOP {order.number}", 24_000))
    assert result.outcome == "wrong_amount"
    assert await state(db, order.id) == "mismatch"
    [line] = [r.getMessage() for r in caplog.records]
    assert "24000 VND" in line and order.number in line
    [flag] = [r for r in await outbox_rows(db) if r["recipient"] == OPERATOR]
    assert flag["key"] == "payments.operator.wrong_amount"
    assert flag["payload"]["params"]["amount"] == "24.000 ₫"
    assert flag["payload"]["params"]["expected"] == "240.000 ₫"
    assert not [r for r in await outbox_rows(db) if r["kind"] == "payment.paid"]
    listed = await orders_list(db, payment="mismatch")
    assert order.number in listed and "mismatch (transfer)" in listed
    assert "received 24.000 ₫ (due 240.000 ₫)" in await orders_show(db, order.number)
    # The right amount afterwards still pays it.
    assert (await notify(run, sepay_body(f"OCOP {order.number}", 240_000))).outcome == "matched"
    assert await state(db, order.id) == "paid"


async def test_an_unknown_code_is_stored_and_shown_to_the_operator(run: Run, db: DB) -> None:
    await seller_ready(run)
    result = await notify(run, sepay_body("chuyen tien OCOP QQQQQQ", 99_000))
    assert (result.outcome, result.order_number) == ("unknown_code", None)
    [flag] = [r for r in await outbox_rows(db) if r["recipient"] == OPERATOR]
    assert flag["key"] == "payments.operator.unknown_code"
    async with db() as session:
        stored = await session.scalar(select(BankNotification))
    assert stored is not None and stored.outcome == "unknown_code"


async def test_money_going_out_is_recorded_and_pays_nothing(run: Run, db: DB) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    result = await notify(run, sepay_body(f"OCOP {order.number}", 240_000, kind="out"))
    assert result.outcome == "not_transfer"
    assert await state(db, order.id) == "unpaid"
    assert not [r for r in await outbox_rows(db) if r["recipient"] == OPERATOR]
