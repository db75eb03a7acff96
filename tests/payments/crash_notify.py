"""A child process for the payment crash tests: it takes a bank notification and is then
killed (SIGKILL), either before its transaction commits or right after.

Usage: python -m tests.payments.crash_notify DB_URL ORDER_NUMBER (before-commit | after-commit)
"""

from __future__ import annotations

import asyncio
import sys

from bot.payments_config import PaymentsSettings
from bot.payments_webhook import PaymentWebhooks
from catalog.db import make_engine, make_session_factory
from catalog.orders import OrderPolicy
from catalog.payments.providers import parse_sepay
from catalog.payments.reconcile import Reconciler
from tests.payments.kit import sepay_body

TXN = 5550001
AMOUNT = 240_000


def body(number: str) -> dict[str, object]:
    """The one notification both the worker and the parent's retry send."""
    return sepay_body(f"MBVCB.1.OCOP {number}.CT", AMOUNT, txn=TXN)


async def main(url: str, number: str, mode: str) -> None:
    sessions = make_session_factory(make_engine(url))
    policy = OrderPolicy(operator="telegram:900")
    notification = body(number)
    if mode == "before-commit":
        async with sessions() as session, session.begin():
            await Reconciler(session, policy=policy).apply(parse_sepay(notification), notification)
            print("applied", flush=True)
            await asyncio.Event().wait()  # killed inside the open transaction
    webhooks = PaymentWebhooks(PaymentsSettings(), sessions, policy)
    await webhooks.record([parse_sepay(notification)], notification)
    print("committed", flush=True)  # the HTTP answer would go out now: killed first
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
