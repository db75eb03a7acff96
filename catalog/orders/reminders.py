"""Unanswered pings: sent again after `remind_after`, the operator told after `escalate_after`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from catalog.orders.directory import Directory
from catalog.orders.models import Order
from catalog.orders.notices import order_params, producer_buttons
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy
from catalog.orders.repository import OrderRepository
from catalog.orders.routing import OPERATOR_LANGUAGE, send_pings
from catalog.orders.types import changed_one

logger = logging.getLogger(__name__)
BATCH = 100


@dataclass(slots=True)
class ReminderReport:
    """The order numbers reminded and escalated by one pass."""

    reminded: list[str] = field(default_factory=list)
    escalated: list[str] = field(default_factory=list)


class Reminders:
    """Finds pending orders past their deadlines; each deadline fires once per order."""

    def __init__(self, session: AsyncSession, policy: OrderPolicy) -> None:
        self._session = session
        self._policy = policy
        self._orders = OrderRepository(session)
        self._outbox = OutboxRepository(session)
        self._directory = Directory(session)

    async def run(self, now: datetime) -> ReminderReport:
        """Queues the reminders and escalations due at `now`."""
        report = ReminderReport()
        for order_id in await self._claim(Order.reminded_at, now - self._policy.remind_after, now):
            order = await self._orders.get(order_id, with_events=False)
            if order is not None:
                await send_pings(
                    self._outbox, self._directory, order, self._policy, now, "reminder"
                )
                report.reminded.append(order.number)
        for order_id in await self._claim(
            Order.escalated_at, now - self._policy.escalate_after, now
        ):
            order = await self._orders.get(order_id, with_events=False)
            if order is None:
                continue
            report.escalated.append(order.number)
            await self._to_console(order.id, order.customer_address, order.customer_language, now)
            if not self._policy.operator:
                logger.info("order %s is unanswered: in the console's inbox", order.number)
                continue
            names = await self._directory.producer_names([order.producer_id])
            params: dict[str, Any] = order_params(order, names.get(order.producer_id or "", ""))
            params["hours"] = int((now - order.created_at).total_seconds() // 3600)
            buttons = producer_buttons(order) if order.operator_routed else []
            payload = {
                "lang": OPERATOR_LANGUAGE,
                "key": "orders.operator.escalated",
                "params": params,
                "buttons": buttons,
            }
            await self._outbox.enqueue(
                self._policy.operator,
                "order.escalation",
                payload,
                f"order:{order.id}:escalation",
                now,
                order_id=order.id,
            )
        return report

    async def _to_console(self, order_id: int, address: str, language: str, now: datetime) -> None:
        """Puts the unanswered order in the console's inbox (once; orders.operator is extra)."""
        from catalog.console.inbox import Inbox  # console tables import the order models

        inbox = Inbox(self._session)
        if not any(item.is_open for item in await inbox.for_order(order_id)):
            await inbox.add_order(order_id, address, now, language)

    async def _claim(
        self,
        column: InstrumentedAttribute[datetime | None],
        created_before: datetime,
        now: datetime,
    ) -> list[int]:
        """Marks due pending orders (compare-and-set, so two workers never both fire)."""
        due = (
            select(Order.id)
            .where(Order.status == "pending", column.is_(None), Order.created_at <= created_before)
            .order_by(Order.id)
            .limit(BATCH)
        )
        claimed = []
        for order_id in list(await self._session.scalars(due)):
            result = await self._session.execute(
                update(Order)
                .where(Order.id == order_id, column.is_(None), Order.status == "pending")
                .values({column.key: now})
                .execution_options(synchronize_session=False)
            )
            if changed_one(result):
                claimed.append(order_id)
        return claimed
