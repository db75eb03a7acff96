"""PaymentService: the one entry point handlers, the webhook and the CLI use for payments."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import OrderDTO
from catalog.orders.notices import money
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import Clock, OrderPolicy, utc_now
from catalog.orders.routing import recipients
from catalog.orders.service import OrderService
from catalog.payments.accounts import BankAccounts
from catalog.payments.dto import BankAccountDTO, PaymentDTO
from catalog.payments.errors import PaymentError
from catalog.payments.notices import Payload, qr_payload, simple
from catalog.payments.repository import PaymentRepository

logger = logging.getLogger(__name__)


class PaymentService:
    """Opens an order's payment, sends its VietQR, records it paid, tells everybody.

    Callers own the transaction: the payment change and its outbox messages commit together.

    Args:
        session: an AsyncSession inside the caller's transaction.
        clock: aware UTC time.
        policy: the order settings (the operator's inbox gets mismatches).
    """

    def __init__(
        self, session: AsyncSession, clock: Clock = utc_now, policy: OrderPolicy | None = None
    ) -> None:
        self._session = session
        self._clock = clock
        self._policy = policy or OrderPolicy()
        self.payments = PaymentRepository(session)
        self.accounts = BankAccounts(session)
        self._outbox = OutboxRepository(session)
        self._directory = Directory(session)

    async def order(self, order_id: int) -> OrderDTO | None:
        return await OrderService(self._session, self._clock, self._policy).get(order_id)

    async def transfer_possible(self, producer_ids: list[str | None]) -> bool:
        """True when every producer of the cart has a bank account (so each order can be paid)."""
        if not producer_ids or None in producer_ids:
            return False
        return await self.accounts.all_have([p for p in producer_ids if p is not None])

    async def open(self, order: OrderDTO) -> PaymentDTO:
        """Makes the order's payment row (unpaid, amount = its total when every price is known)."""
        return await self.payments.create(
            order.id, order.number, order.payment, order.total_vnd, self._clock()
        )

    async def qr_for(
        self, order: OrderDTO, lang: str, payment: PaymentDTO | None = None
    ) -> Payload | None:
        """The VietQR payload for a transfer order whose amount is known, else None.

        ``payment``: the order's payment as just opened (read here otherwise).
        """
        payment = payment or await self.payments.get(order.id)
        account = await self.accounts.get(order.producer_id)
        if payment is None or payment.method != "transfer" or payment.amount_vnd is None:
            return None
        if account is None or payment.state == "paid":
            return None
        return qr_payload(
            lang, "payments.qr.customer", order.number, account, payment.amount_vnd,
            payment.content,
        )  # fmt: skip

    async def mark_qr_sent(self, order_id: int) -> None:
        await self.payments.change(order_id, {"qr_sent_at": None}, qr_sent_at=self._clock())

    async def send_qr(self, order: OrderDTO, kind: str = "qr") -> bool:
        """Queues the VietQR to the customer (once per `kind`); False when there is none."""
        payload = await self.qr_for(order, order.customer_language)
        if payload is None:
            return False
        if kind == "reminder":
            payload["key"] = "payments.qr.reminder"
        await self._outbox.enqueue(
            order.customer_address,
            f"payment.{kind}",
            payload,
            f"payment:{order.id}:{kind}",
            self._clock(),
            order_id=order.id,
        )
        await self.mark_qr_sent(order.id)
        return True

    async def set_total(self, order: OrderDTO, amount_vnd: int) -> PaymentDTO:
        """Records the total the producer confirmed and sends the customer the VietQR.

        Raises:
            PaymentError: bad_amount, or already_paid.
        """
        if amount_vnd <= 0:
            raise PaymentError("payments.price.bad_amount")
        payment = await self.open(order)
        if payment.state == "paid":
            raise PaymentError("payments.total.already_paid", number=order.number)
        await self.payments.change(order.id, {}, amount_vnd=amount_vnd, updated_at=self._clock())
        await self.send_qr(order)
        return await self.payments.get(order.id)  # type: ignore[return-value]

    async def mark_paid(
        self, order: OrderDTO, actor: str, received_vnd: int | None = None
    ) -> PaymentDTO | None:
        """Marks the order paid and tells the customer and the producer; None if it was already."""
        payment = await self.open(order)
        if payment.state == "paid":
            return None
        now = self._clock()
        changed = await self.payments.change(
            order.id,
            {"state": payment.state},
            state="paid",
            paid_at=now,
            paid_by=actor,
            received_vnd=received_vnd,
            updated_at=now,
        )
        if not changed:
            return None
        amount = money(received_vnd or payment.amount_vnd) or "—"
        await self._tell_customer(order, "payments.paid.customer", amount)
        if not actor.startswith("producer:"):  # the producer who tapped it knows
            await self._tell_producer(order, "payments.paid.producer", amount=amount)
        logger.info("order %s paid (%s)", order.number, actor)
        return await self.payments.get(order.id)

    async def mark_mismatch(self, order: OrderDTO, received_vnd: int) -> None:
        """Leaves the order unpaid but flagged: the amount received was not the amount due."""
        payment = await self.open(order)
        if payment.state == "paid":
            return
        await self.payments.change(
            order.id, {}, state="mismatch", received_vnd=received_vnd, updated_at=self._clock()
        )

    async def _tell_customer(self, order: OrderDTO, key: str, amount: str) -> None:
        await self._outbox.enqueue(
            order.customer_address,
            "payment.paid",
            simple(order.customer_language, key, number=order.number, amount=amount),
            f"payment:{order.id}:paid:{order.customer_address}",
            self._clock(),
            order_id=order.id,
        )

    async def _tell_producer(self, order: OrderDTO, key: str, **params: str) -> None:
        for to in await recipients(self._directory, order, self._policy):
            await self._outbox.enqueue(
                to.address,
                "payment.paid",
                simple(to.language, key, number=order.number, **params),
                f"payment:{order.id}:paid:{to.address}",
                self._clock(),
                order_id=order.id,
            )

    async def tell_operator(self, key: str, dedup: str, **params: str) -> None:
        """Queues a notice to the operator (mismatched transfers); logged when none is set."""
        if not self._policy.operator:
            logger.warning("payment notice %s has nobody to go to: set orders.operator", key)
            return
        await self._outbox.enqueue(
            self._policy.operator, "payment.mismatch", simple("vi", key, **params), dedup,
            self._clock(),
        )  # fmt: skip

    async def account_of(self, producer_id: str | None) -> BankAccountDTO | None:
        return await self.accounts.get(producer_id)
