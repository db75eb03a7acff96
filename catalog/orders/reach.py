"""Who will receive an order, a cancellation or a hand-off: the one rule for "received".

An order counts as received when its producer has a linked chat, or when the OCOP centre's
staff can receive it. Everything the customer is told ("Cơ sở X sẽ gọi cho bạn", "đơn đang
chờ người bán") and everything the operator is shown (start-up log, `orders list`) asks
these functions, so a new way for staff to receive orders is added in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import OrderDTO


class Receiver(StrEnum):
    PRODUCER = "producer"  # the producer's linked chat
    STAFF = "staff"  # the OCOP centre's staff
    NOBODY = "nobody"  # kept, waiting for a seller


@dataclass(frozen=True, slots=True)
class Reach:
    """Who receives one order, and the producer's display name."""

    receiver: Receiver
    producer_name: str | None = None

    @property
    def received(self) -> bool:
        return self.receiver is not Receiver.NOBODY


async def staff_can_receive(session: AsyncSession, operator: str | None) -> bool:
    """True when the OCOP centre's staff can receive orders and hand-offs.

    That is: `orders.operator` is set, or an active account of the operator console exists
    (its inbox receives every order and hand-off nobody else can).
    """
    if operator:
        return True
    from catalog.console.accounts import OperatorAccounts  # console imports orders

    return await OperatorAccounts(session).any_active()


async def order_reach(session: AsyncSession, order: OrderDTO, operator: str | None) -> Reach:
    """Who receives `order`: its producer's linked chat, else the staff, else nobody.

    Args:
        session: the caller's session.
        order: an order (its `operator_routed` flag says the producer had no chat).
        operator: the `orders.operator` chat address, or None.
    """
    return (await orders_reach(session, [order], operator))[0]


async def orders_reach(
    session: AsyncSession, orders: Sequence[OrderDTO], operator: str | None
) -> list[Reach]:
    """Who receives each of `orders` (see order_reach), each question asked once for all:
    the producers' names, their linked chats, whether the staff can receive."""
    directory = Directory(session)
    names = await directory.producer_names(o.producer_id for o in orders)
    linked = {o.producer_id for o in orders if o.producer_id and not o.operator_routed}
    inboxes = await directory.inboxes(linked) if linked else {}
    staff: bool | None = None
    reaches = []
    for order in orders:
        name = names.get(order.producer_id or "")
        producer = None if order.operator_routed else order.producer_id
        if producer and inboxes.get(producer):
            reaches.append(Reach(Receiver.PRODUCER, name))
            continue
        if staff is None:
            staff = await staff_can_receive(session, operator)
        reaches.append(Reach(Receiver.STAFF if staff else Receiver.NOBODY, name))
    return reaches


async def waiting_for_a_seller(
    session: AsyncSession, orders: Iterable[OrderDTO], operator: str | None
) -> list[OrderDTO]:
    """The pending orders among `orders` that nobody can receive."""
    found = []
    for order in orders:
        pending = order.status == "pending"
        if pending and not (await order_reach(session, order, operator)).received:
            found.append(order)
    return found
