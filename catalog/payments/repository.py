"""Order payment rows: read, create, and compare-and-set state changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.types import changed_one, insert_if_absent
from catalog.payments.codes import transfer_content
from catalog.payments.dto import PaymentDTO
from catalog.payments.models import OrderPayment


def to_dto(row: OrderPayment) -> PaymentDTO:
    """Copies a payment row into a PaymentDTO."""
    return PaymentDTO(
        row.order_id,
        row.method,
        row.state,  # type: ignore[arg-type]
        row.amount_vnd,
        row.content,
        row.qr_sent_at,
        row.paid_at,
        row.paid_by,
        row.received_vnd,
    )


_payments: Table = OrderPayment.__table__  # type: ignore[assignment]
_OPEN = insert_if_absent(
    _payments,
    ("order_id", "method", "state", "amount_vnd", "content", "created_at", "updated_at"),
    lambda p: _payments.c.order_id == p["order_id"],
)


class PaymentRepository:
    """Payment rows; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, order_id: int) -> PaymentDTO | None:
        row = await self._session.get(OrderPayment, order_id)
        return None if row is None else to_dto(row)

    async def many(self, order_ids: Iterable[int]) -> dict[int, PaymentDTO]:
        ids = sorted(set(order_ids))
        if not ids:
            return {}
        rows = await self._session.scalars(
            select(OrderPayment).where(OrderPayment.order_id.in_(ids))
        )
        return {row.order_id: to_dto(row) for row in rows}

    async def order_ids(self, state: str) -> list[int]:
        """Orders whose payment is in `state` (orders without a payment row are unpaid)."""
        query = select(OrderPayment.order_id).where(OrderPayment.state == state)
        return list(await self._session.scalars(query))

    async def create(
        self, order_id: int, number: str, method: str, amount_vnd: int | None, now: datetime
    ) -> PaymentDTO:
        """The order's payment row, made unpaid if it does not exist yet."""
        content = transfer_content(number)
        row = {
            "order_id": order_id,
            "method": method,
            "state": "unpaid",
            "amount_vnd": amount_vnd,
            "content": content,
            "created_at": now,
            "updated_at": now,
        }
        # Every placed order opens its payment: one statement, no ORM object to flush.
        if changed_one(await self._session.execute(_OPEN, row)):
            return PaymentDTO(
                order_id, method, "unpaid", amount_vnd, content, None, None, None, None
            )
        return await self.get(order_id)  # type: ignore[return-value]  # it exists

    async def change(self, order_id: int, expect: dict[str, object], **values: object) -> bool:
        """Sets `values` if the row still has every `expect` value (compare-and-set)."""
        query = update(OrderPayment).where(OrderPayment.order_id == order_id)
        for name, value in expect.items():
            column = getattr(OrderPayment, name)
            query = query.where(column.is_(None) if value is None else column == value)
        result = await self._session.execute(
            query.values(**values).execution_options(synchronize_session=False)
        )
        row = await self._session.get(OrderPayment, order_id)
        if row is not None:
            await self._session.refresh(row)
        return changed_one(result)
