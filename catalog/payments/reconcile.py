"""Matching a reported bank transfer to an order: by the order code in its content and the
amount. Every notification is stored once per (provider, transaction id); a repeat changes
nothing."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.dto import OrderDTO
from catalog.orders.notices import money
from catalog.orders.policy import Clock, OrderPolicy, utc_now
from catalog.orders.service import OrderService
from catalog.payments.codes import find_order_code
from catalog.payments.dto import Outcome, Reconciled, Transfer
from catalog.payments.models import BankNotification
from catalog.payments.service import PaymentService

logger = logging.getLogger(__name__)


class Reconciler:
    """Applies bank notifications; the caller owns (and commits) the transaction."""

    def __init__(
        self, session: AsyncSession, clock: Clock = utc_now, policy: OrderPolicy | None = None
    ) -> None:
        self._session = session
        self._clock = clock
        self._payments = PaymentService(session, clock, policy)
        self._orders = OrderService(session, clock, policy)

    async def apply(self, transfer: Transfer, raw: dict[str, Any]) -> Reconciled:
        """Stores the notification and settles the order it names.

        Exact amount -> paid, customer and producer told. Wrong amount, unknown code or an
        order already paid -> left as it is, the operator told, one log line.
        """
        seen = await self._session.scalar(
            select(BankNotification).where(
                BankNotification.provider == transfer.provider,
                BankNotification.txn_id == transfer.txn_id,
            )
        )
        if seen is not None:
            logger.info(
                "bank notification %s/%s repeated: ignored", transfer.provider, transfer.txn_id
            )
            number = None if seen.order_id is None else await self._number(seen.order_id)
            return Reconciled(seen.outcome, number, duplicate=True)  # type: ignore[arg-type]
        code = find_order_code(transfer.content)
        order = await self._orders.get_by_number(code) if code else None
        outcome = await self._settle(transfer, order)
        row = BankNotification(
            provider=transfer.provider,
            txn_id=transfer.txn_id,
            amount_vnd=transfer.amount_vnd,
            content=transfer.content[:2000],
            account_number=transfer.account_number,
            order_id=order.id if order else None,
            outcome=outcome,
            raw=raw,
            received_at=self._clock(),
        )
        try:
            async with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:  # the same notification, stored by a concurrent request
            raise DuplicateNotification(transfer.txn_id) from None
        if outcome not in ("matched", "not_transfer"):
            self._flag(transfer, order, outcome)
            await self._payments.tell_operator(
                f"payments.operator.{outcome}",
                f"bank:{transfer.provider}:{transfer.txn_id}:operator",
                number=order.number if order else (code or "—"),
                amount=money(transfer.amount_vnd),
                expected=money(await self._expected(order)) or "—",
                content=transfer.content[:200],
                txn=f"{transfer.provider} {transfer.txn_id}",
            )
        return Reconciled(outcome, order.number if order else None)

    async def _settle(self, transfer: Transfer, order: OrderDTO | None) -> Outcome:
        if not transfer.incoming:
            return "not_transfer"
        if order is None:
            return "unknown_code"
        payment = await self._payments.open(order)
        if payment.state == "paid":
            return "already_paid"
        if payment.amount_vnd is None or payment.amount_vnd != transfer.amount_vnd:
            await self._payments.mark_mismatch(order, transfer.amount_vnd)
            return "wrong_amount"
        await self._payments.mark_paid(
            order, f"bank:{transfer.provider}:{transfer.txn_id}", transfer.amount_vnd
        )
        return "matched"

    async def _expected(self, order: OrderDTO | None) -> int | None:
        if order is None:
            return None
        payment = await self._payments.payments.get(order.id)
        return payment.amount_vnd if payment else None

    async def _number(self, order_id: int) -> str | None:
        order = await self._orders.get(order_id)
        return order.number if order else None

    @staticmethod
    def _flag(transfer: Transfer, order: OrderDTO | None, outcome: str) -> None:
        logger.warning(
            "payment mismatch: %s transfer %s of %d VND for %s left unpaid",
            transfer.provider,
            transfer.txn_id,
            transfer.amount_vnd,
            order.number if order else "no known order",
            extra={"outcome": outcome},
        )


class DuplicateNotification(Exception):
    """A concurrent request stored the same notification first; the caller rolls back."""
