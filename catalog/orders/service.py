"""OrderService: the one entry point handlers and the CLI use for orders and producers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import (
    CartLine,
    Contact,
    Customer,
    Delivery,
    InviteDTO,
    OrderDTO,
    ProducerRosterDTO,
)
from catalog.orders.errors import Refusal
from catalog.orders.invites import Invites
from catalog.orders.placement import Placement
from catalog.orders.policy import Clock, OrderPolicy, utc_now
from catalog.orders.reminders import ReminderReport, Reminders
from catalog.orders.repository import OrderRepository
from catalog.orders.transitions import Transitions


class OrderService:
    """Places orders, moves them through their states, links producers, sends reminders.

    Callers own the transaction: nothing here commits, so the order, its events and its
    outbox messages commit (or roll back) together with the caller's other work.

    Args:
        session: an AsyncSession inside the caller's transaction.
        clock: returns the current aware UTC time (tests pass a fake).
        policy: operator, deadlines and limits (bot.config's ``orders`` section).
    """

    def __init__(
        self, session: AsyncSession, clock: Clock = utc_now, policy: OrderPolicy | None = None
    ) -> None:
        self._session = session
        self._clock = clock
        self._policy = policy or OrderPolicy()
        self._orders = OrderRepository(session)

    async def place(
        self,
        customer: Customer,
        items: Sequence[CartLine],
        contact: Contact,
        delivery: Delivery,
        note: str | None,
        idempotency_key: str,
    ) -> list[OrderDTO]:
        """Splits a cart by producer and writes the orders, events and pings.

        Args:
            customer: the chat address and language of the person ordering.
            items: product ids and quantities (repeated products are added up).
            contact: the name and phone number the producer will call.
            delivery: home delivery with an address, or pick-up at a place id.
            note: free text for the producer, or None.
            idempotency_key: unique per confirmed cart of this customer (e.g. the draft id
                or the confirming message id); placing the same key again returns the
                orders of the first placement and writes nothing.

        Returns:
            One order per producer (products without a linked producer go to the operator),
            in a stable order: producers by id, the producer-less group last.

        Raises:
            EmptyCart, InvalidQuantity, UnknownProducts, InvalidContact, InvalidDelivery:
                the input is refused and nothing was written.
            DuplicatePlacement: a concurrent transaction placed the same key first.
        """
        placement = Placement(self._session, self._policy)
        return await placement.place(
            customer, items, contact, delivery, note, idempotency_key, self._clock()
        )

    async def act(
        self,
        order_id: int,
        action: str,
        actor_address: str,
        reason: str | None = None,
        token: str | None = None,
    ) -> OrderDTO | Refusal:
        """Applies accept, decline, ship, deliver (producer side) or cancel (customer).

        Args:
            order_id: the order's id (from the button payload).
            action: "accept" | "decline" | "ship" | "deliver" | "cancel".
            actor_address: the chat that asks, e.g. "telegram:123".
            reason: why, required for decline.
            token: the version the button was made for ("v1"); a mismatch is refused.

        Returns:
            The changed order, or a Refusal (nothing changed): unknown_action, not_found,
            not_allowed, wrong_state, stale or reason_required.
        """
        step = Transitions(self._session, self._policy)
        return await step.act(order_id, action, actor_address, reason, token, self._clock())

    async def get(self, order_id: int) -> OrderDTO | None:
        """The order with its items and status history, or None."""
        return await self._orders.get(order_id)

    async def get_by_number(self, number: str) -> OrderDTO | None:
        """The order with the public number a person typed, or None."""
        return await self._orders.get_by_number(number)

    async def orders_of_customer(self, address: str) -> list[OrderDTO]:
        """The customer's orders, newest first."""
        return await self._orders.find(customer=address)

    async def open_orders_of_producer(self, producer_id: str) -> list[OrderDTO]:
        """The producer's pending, accepted and shipped orders, newest first."""
        return await self._orders.open_of_producer(producer_id)

    async def producers_of(self, address: str) -> list[str]:
        """The producers this chat is linked to (empty for everybody else)."""
        return await Directory(self._session).producers_of(address)

    async def producers(self) -> list[ProducerRosterDTO]:
        """Every producer with its linked inboxes and open-order count."""
        return await Directory(self._session).roster()

    async def create_invite(self, producer_id: str) -> InviteDTO:
        """A one-time code (24 h) linking a chat to the producer; raises UnknownProducer."""
        return await Invites(self._session, self._policy).create(producer_id, self._clock())

    async def link(self, code: str, chat_address: str, language: str = "vi") -> str | Refusal:
        """Redeems an invite: the producer id, or invite_unknown/_expired/_used."""
        invites = Invites(self._session, self._policy)
        return await invites.link(code, chat_address, self._clock(), language)

    async def due_reminders(self, now: datetime | None = None) -> ReminderReport:
        """Queues reminders and escalations that are due at `now` (default: the clock)."""
        return await Reminders(self._session, self._policy).run(now or self._clock())

    async def list(
        self, status: str | None = None, limit: int = 200, offset: int = 0
    ) -> list[OrderDTO]:
        """All orders (or those in `status`), newest first, from the `offset`-th."""
        return await self._orders.find(status=status, limit=limit, offset=offset)
