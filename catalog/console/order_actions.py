"""What the console does to orders: call-back done, reassign to a producer, cancel."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.inbox import Inbox
from catalog.orders.directory import Directory
from catalog.orders.dto import OrderDTO
from catalog.orders.models import Order, OrderEvent
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy
from catalog.orders.repository import OrderRepository
from catalog.orders.routing import send_pings
from catalog.orders.types import changed_one

CANCELLABLE = ("pending", "accepted")
REASON_CHARS = 500


class ConsoleOrders:
    """Order actions taken by a console account; refusals are returned as short codes.

    Args:
        session: inside the caller's transaction (the change, its event and its messages
            commit together).
        policy: the order policy (where pings go).
    """

    def __init__(self, session: AsyncSession, policy: OrderPolicy) -> None:
        self._session = session
        self._policy = policy
        self._orders = OrderRepository(session)

    async def callback_done(self, order_id: int, actor: str, now: datetime) -> OrderDTO | str:
        """Records that staff called the customer back: the order leaves the inbox."""
        order = await self._orders.get(order_id, with_events=False)
        if order is None:
            return "not_found"
        await Inbox(self._session).close_order(order_id, actor, now)
        return order

    async def reassign(
        self, order_id: int, producer_id: str, actor: str, now: datetime
    ) -> OrderDTO | str:
        """Gives the order to another producer; their linked chats get the new-order ping."""
        directory = Directory(self._session)
        if not await directory.producer_exists(producer_id):
            return "unknown_producer"
        row = await self._orders.load(order_id)
        if row is None:
            return "not_found"
        if row.status not in CANCELLABLE:
            return "wrong_state"
        linked = bool((await directory.inboxes([producer_id])).get(producer_id))
        changed = await self._change(row, now, producer_id=producer_id, operator_routed=not linked)
        if changed is None:
            return "stale"
        self._event(row, row.status, actor, f"→ {producer_id}", now)
        order = await self._orders.get(order_id, with_events=False)
        assert order is not None
        if linked:
            outbox = OutboxRepository(self._session)
            await send_pings(outbox, directory, order, self._policy, now, "new")
            await Inbox(self._session).close_order(order_id, actor, now)
        return order

    async def cancel(
        self, order_id: int, reason: str, actor: str, now: datetime
    ) -> OrderDTO | str:
        """Cancels a pending or accepted order; the customer (and the producer) are told why."""
        reason = reason.strip()[:REASON_CHARS]
        if not reason:
            return "reason_required"
        row = await self._orders.load(order_id)
        if row is None:
            return "not_found"
        if row.status not in CANCELLABLE:
            return "wrong_state"
        before = row.status
        if await self._change(row, now, status="cancelled") is None:
            return "stale"
        self._event(row, before, actor, reason, now, to_status="cancelled")
        order = await self._orders.get(order_id, with_events=False)
        assert order is not None
        await self._tell_cancel(order, reason, now)
        await Inbox(self._session).close_order(order_id, actor, now)
        return order

    async def _change(self, row: Order, now: datetime, **values: object) -> bool | None:
        result = await self._session.execute(
            update(Order)
            .where(Order.id == row.id, Order.version == row.version)
            .values(version=row.version + 1, updated_at=now, **values)
            .execution_options(synchronize_session=False)
        )
        if not changed_one(result):
            return None
        await self._session.refresh(row)
        return True

    def _event(
        self,
        row: Order,
        from_status: str,
        actor: str,
        reason: str,
        now: datetime,
        to_status: str | None = None,
    ) -> None:
        self._session.add(
            OrderEvent(
                order_id=row.id,
                from_status=from_status,
                to_status=to_status or row.status,
                actor=actor,
                reason=reason,
                at=now,
            )
        )

    async def _tell_cancel(self, order: OrderDTO, reason: str, now: datetime) -> None:
        outbox = OutboxRepository(self._session)
        params = {"number": order.number, "reason": reason}
        await outbox.enqueue(
            order.customer_address,
            "order.update",
            {
                "lang": order.customer_language,
                "key": "admin.notice.customer_cancelled",
                "params": params,
                "buttons": [],
            },
            f"order:{order.id}:v{order.version}:{order.customer_address}",
            now,
            order_id=order.id,
        )
        directory = Directory(self._session)
        for inbox in (await directory.inboxes([order.producer_id])).get(
            order.producer_id or "", []
        ):
            await outbox.enqueue(
                inbox.address,
                "order.cancelled",
                {
                    "lang": inbox.language,
                    "key": "admin.notice.producer_cancelled",
                    "params": params,
                    "buttons": [],
                },
                f"order:{order.id}:v{order.version}:{inbox.address}",
                now,
                order_id=order.id,
            )
