"""Moving an order through its states: who may, from where, and what everybody is told."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import OrderDTO
from catalog.orders.errors import Refusal, RefusalReason
from catalog.orders.models import Order, OrderEvent
from catalog.orders.notices import cancelled_notice, customer_update
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy
from catalog.orders.repository import OrderRepository, to_dto
from catalog.orders.routing import recipients
from catalog.orders.states import TRANSITIONS, Role, Transition, parse_token
from catalog.orders.types import changed_one

logger = logging.getLogger(__name__)
REASON_CHARS = 500


class Transitions:
    """Applies `act` (see OrderService.act); refusals are values, never exceptions."""

    def __init__(self, session: AsyncSession, policy: OrderPolicy) -> None:
        self._session = session
        self._policy = policy
        self._directory = Directory(session)

    async def act(
        self,
        order_id: int,
        action: str,
        actor_address: str,
        reason: str | None,
        token: str | None,
        now: datetime,
    ) -> OrderDTO | Refusal:
        """Applies one action at `now`; returns the changed order or a Refusal."""
        step = TRANSITIONS.get(action)
        if step is None:
            return Refusal(RefusalReason.UNKNOWN_ACTION, {"action": action})
        order = await OrderRepository(self._session).load(order_id)
        if order is None:
            return Refusal(RefusalReason.NOT_FOUND, {"order_id": order_id})
        actor = await self._actor(order, step, actor_address)
        if actor is None:
            logger.warning("%s on order %s refused for %s", action, order.number, actor_address)
            return Refusal(RefusalReason.NOT_ALLOWED, {"number": order.number})
        facts = {"number": order.number, "status": order.status, "action": action}
        if order.status != step.source:
            return Refusal(RefusalReason.WRONG_STATE, facts)
        expected = parse_token(token)
        if expected is not None and expected != order.version:
            return Refusal(RefusalReason.STALE, facts)
        reason = (reason or "").strip()[:REASON_CHARS] or None
        if action == "decline" and not reason:
            return Refusal(RefusalReason.REASON_REQUIRED, facts)
        # Compare-and-set on the version: of two racing clicks, exactly one wins.
        result = await self._session.execute(
            update(Order)
            .where(Order.id == order.id, Order.version == order.version)
            .values(status=step.target, version=order.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if not changed_one(result):
            return Refusal(RefusalReason.STALE, facts)
        self._session.add(
            OrderEvent(
                order_id=order.id,
                from_status=step.source,
                to_status=step.target,
                actor=actor,
                reason=reason,
                at=now,
            )
        )
        await self._session.flush()
        await self._session.refresh(order, ["status", "version", "updated_at"])
        changed = to_dto(order)
        await self._tell(changed, step, reason, now)
        logger.info("order %s: %s -> %s by %s", order.number, step.source, step.target, actor)
        return changed

    async def _actor(self, order: Order, step: Transition, address: str) -> str | None:
        """The actor label when `address` may take `step` on `order`, else None."""
        if step.role is Role.CUSTOMER:
            return f"customer:{address}" if address == order.customer_address else None
        if order.producer_id and order.producer_id in await self._directory.producers_of(address):
            return f"producer:{order.producer_id}"
        if order.operator_routed and self._policy.operator and address == self._policy.operator:
            return f"operator:{address}"
        return None

    async def _tell(
        self, order: OrderDTO, step: Transition, reason: str | None, now: datetime
    ) -> None:
        outbox = OutboxRepository(self._session)
        if step.role is Role.CUSTOMER:
            for to in await recipients(self._directory, order, self._policy):
                await outbox.enqueue(
                    to.address,
                    "order.cancelled",
                    cancelled_notice(order, to.language),
                    f"order:{order.id}:v{order.version}:{to.address}",
                    now,
                    order_id=order.id,
                )
            return
        names = await self._directory.producer_names([order.producer_id])
        await outbox.enqueue(
            order.customer_address,
            "order.update",
            customer_update(order, reason, names.get(order.producer_id or "", "")),
            f"order:{order.id}:v{order.version}:{order.customer_address}",
            now,
            order_id=order.id,
        )
