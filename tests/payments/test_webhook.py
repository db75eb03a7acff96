"""The bank-notification webhooks over HTTP: only the right key gets in, a bad body is a
400, a good one is answered after it is recorded, Casso goes through its adapter."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.payments_config import PaymentsSettings
from bot.payments_webhook import PaymentWebhooks
from catalog.orders import OrderPolicy
from catalog.payments.models import BankNotification
from catalog.payments.repository import PaymentRepository
from tests.loopback import serve_on_loopback
from tests.payments.conftest import DB, OPERATOR, Run, order_by_transfer, seller_ready
from tests.payments.kit import SEPAY_KEY, sepay_body, sepay_headers

CASSO_TOKEN = "casso-secure-token-1"


@pytest.fixture
async def base(db: DB) -> AsyncIterator[str]:
    settings = PaymentsSettings(
        sepay_api_key=SecretStr(SEPAY_KEY), casso_secure_token=SecretStr(CASSO_TOKEN)
    )
    app = web.Application()
    assert PaymentWebhooks(settings, db, OrderPolicy(operator=OPERATOR)).setup(app) == [
        "/payments/sepay",
        "/payments/casso",
    ]
    runner, url = await serve_on_loopback(app)
    yield url
    await runner.cleanup()


async def post(url: str, data: str | bytes, headers: dict[str, str]) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as http, http.post(url, data=data, headers=headers) as r:
        return r.status, await r.json()


async def stored(db: DB) -> int:
    async with db() as session:
        return await session.scalar(select(func.count()).select_from(BankNotification)) or 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Apikey wrong-key"},
        {"Authorization": f"Bearer {SEPAY_KEY}"},
        {"Authorization": f"Apikey {SEPAY_KEY}x"},
    ],
)
async def test_without_the_api_key_nothing_is_recorded(
    base: str, db: DB, run: Run, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    body = json.dumps(sepay_body(f"OCOP {order.number}", 240_000)).encode()
    with caplog.at_level(logging.INFO, logger="bot.payments_webhook"):
        status, answer = await post(f"{base}/payments/sepay", body, headers)
    assert (status, answer["success"]) == (401, False)
    assert len(caplog.records) == 1 and SEPAY_KEY not in caplog.text
    assert await stored(db) == 0
    async with db() as session:
        payment = await PaymentRepository(session).get(order.id)
    assert payment is not None and payment.state == "unpaid"


@pytest.mark.parametrize("data", [b"not json", b"[]", b'{"id": 1}', b'{"transferAmount": 5}'])
async def test_a_malformed_body_is_a_400(base: str, db: DB, data: bytes) -> None:
    status, answer = await post(f"{base}/payments/sepay", data, sepay_headers())
    assert (status, answer) == (400, {"success": False, "error": "bad_request"})
    assert await stored(db) == 0


async def test_two_deliveries_at_once_of_one_transfer_record_it_once(
    base: str, db: DB, run: Run
) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    data = json.dumps(sepay_body(f"OCOP {order.number}", 240_000, txn=777)).encode()
    answers = await asyncio.gather(
        *(post(f"{base}/payments/sepay", data, sepay_headers()) for _ in range(3))
    )
    assert all(status == 200 for status, _ in answers)
    assert await stored(db) == 1


async def test_casso_notifications_go_through_the_adapter(base: str, db: DB, run: Run) -> None:
    await seller_ready(run)
    order = await order_by_transfer(run)
    body = {
        "error": 0,
        "data": [
            {"id": 1, "tid": "FT26339", "description": f"CT DEN:0123 OCOP {order.number}",
             "amount": 240000, "cusum_balance": 9, "when": "2026-12-05 10:00:00",
             "bank_sub_acc_id": "0011001234567"},
        ],
    }  # fmt: skip
    data = json.dumps(body).encode()
    json_type = {"Content-Type": "application/json"}
    refused = await post(f"{base}/payments/casso", data, {"Secure-Token": "nope"} | json_type)
    assert refused[0] == 401
    ok = await post(f"{base}/payments/casso", data, {"Secure-Token": CASSO_TOKEN} | json_type)
    assert ok == (200, {"success": True, "outcomes": ["matched"]})
    async with db() as session:
        payment = await PaymentRepository(session).get(order.id)
    assert payment is not None and payment.state == "paid"


def test_no_key_no_webhook() -> None:
    app = web.Application()
    assert PaymentWebhooks(PaymentsSettings(), None, OrderPolicy()).setup(app) == []  # type: ignore[arg-type]


async def test_a_transfer_of_billions_is_recorded_not_a_crash(base: str, db: DB, run: Run) -> None:
    """Five billion dong is past a 32-bit column (PostgreSQL refused it): kept, not paid."""
    await seller_ready(run)
    order = await order_by_transfer(run)
    data = json.dumps(sepay_body(f"OCOP {order.number}", 5_000_000_000, txn=778)).encode()
    status, _answer = await post(f"{base}/payments/sepay", data, sepay_headers())
    assert status == 200
    assert await stored(db) == 1
