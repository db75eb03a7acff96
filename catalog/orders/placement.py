"""Placing a cart: one order per producer, events and pings, all in the caller's transaction."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders import placement_sql as sql
from catalog.orders.directory import Directory
from catalog.orders.dto import (
    CartLine,
    Contact,
    Customer,
    Delivery,
    InboxDTO,
    OrderDTO,
    OrderItemDTO,
    mask_phone,
)
from catalog.orders.errors import DuplicatePlacement, UnknownProducts
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy
from catalog.orders.repository import OrderRepository
from catalog.orders.routing import send_pings
from catalog.orders.validation import NOTE_CHARS, clean_contact, clean_delivery, merged_cart

if TYPE_CHECKING:  # the payment tables import the order tables
    from catalog.orders.cart_read import CartProduct

logger = logging.getLogger(__name__)
# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read out over the phone.
NUMBER_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
NUMBER_LENGTH = 6


def _line(product: CartProduct, quantity: int) -> OrderItemDTO:
    # payments (issue 16): only a seller's own price is charged; a news figure from the
    # facts is a reference, so without a seller's price the producer confirms the total.
    seller = product.seller
    return OrderItemDTO(
        product_id=product.product_id,
        name=product.name_vi,
        quantity=quantity,
        unit=(seller.unit if seller else None) or product.price_unit or product.unit,
        unit_price_vnd=seller.amount_vnd if seller else None,
    )


class Placement:
    """Writes the orders of one confirmed cart (see OrderService.place)."""

    def __init__(self, session: AsyncSession, policy: OrderPolicy) -> None:
        self._session = session
        self._policy = policy
        self._orders = OrderRepository(session)

    async def place(
        self,
        customer: Customer,
        items: Sequence[CartLine],
        contact: Contact,
        delivery: Delivery,
        note: str | None,
        idempotency_key: str,
        now: datetime,
    ) -> list[OrderDTO]:
        """Validates the cart and writes its orders, events and pings at `now`."""
        session = self._session
        await session.flush()  # the caller's pending rows first, as an ORM query would
        key = {"customer_address": customer.address, "idempotency_key": idempotency_key}
        earlier = await session.scalar(sql.EARLIER, key)
        if earlier is not None:  # a replay: the first placement's answer, whatever changed since
            logger.info("placement %s replayed: returning its orders", earlier)
            return sorted(await self._orders.find(placement_id=earlier), key=lambda o: o.id)
        cart = merged_cart(items, self._policy.max_quantity)
        contact = clean_contact(contact)
        delivery = await clean_delivery(session, delivery)
        note = (note or "").strip()[:NOTE_CHARS] or None
        products, inboxes = await self._products(list(cart))
        try:
            added = await session.execute(sql.NEW_PLACEMENT, key | {"created_at": now})
        except IntegrityError as exc:
            raise DuplicatePlacement("placed concurrently; retry to read it") from exc
        placement_id = added.scalar_one()
        groups: dict[str | None, list[CartProduct]] = {}
        for product in products:
            groups.setdefault(product.producer_id, []).append(product)
        placed: list[OrderDTO] = []
        for producer_id in sorted(groups, key=lambda p: (p is None, p or "")):
            order = OrderDTO(
                id=0,
                number="",
                customer_address=customer.address,
                customer_language=customer.language,
                customer_name=contact.name,
                phone=contact.phone,
                delivery_kind=delivery.kind,
                address=delivery.address,
                pickup_place_id=delivery.place_id,
                note=note,
                payment=delivery.payment_kind,
                producer_id=producer_id,
                operator_routed=producer_id not in inboxes,
                status="pending",
                version=1,
                created_at=now,
                updated_at=now,
                items=tuple(_line(p, cart[p.product_id]) for p in groups[producer_id]),
            )
            placed.append(await self._insert_order(order, placement_id))
        lines = [sql.item_row(o.id, item) for o in placed for item in o.items]
        await session.execute(sql.NEW_ITEMS, lines)
        actor = f"customer:{customer.address}"
        await session.execute(sql.NEW_EVENTS, [sql.first_event(o.id, actor, now) for o in placed])
        await self._ping(placed, inboxes, now)
        logger.info(
            "placed %d order(s) %s for %s (phone %s)",
            len(placed),
            ",".join(o.number for o in placed),
            customer.address,
            mask_phone(contact.phone),
        )
        return placed

    async def _ping(
        self, orders: list[OrderDTO], inboxes: dict[str, list[InboxDTO]], now: datetime
    ) -> None:
        outbox = OutboxRepository(self._session)
        directory = Directory(self._session)
        for order in orders:
            await send_pings(outbox, directory, order, self._policy, now, "new", inboxes)
            if order.operator_routed:  # no producer chat: the console's inbox receives it
                from catalog.console.inbox import Inbox  # console tables import the order base

                inbox = Inbox(self._session)
                await inbox.add_order(
                    order.id, order.customer_address, now, order.customer_language
                )

    async def _products(
        self, ids: list[str]
    ) -> tuple[list[CartProduct], dict[str, list[InboxDTO]]]:
        """The cart's products in the order of `ids` and their producers' linked chats."""
        from catalog.orders.cart_read import read_cart  # it joins the payment tables

        cart = await read_cart(self._session, ids)
        missing = sorted(set(ids) - set(cart.products))
        if missing:
            raise UnknownProducts(f"unknown products: {missing}", product_ids=missing)
        Directory(self._session).remember_names(cart.producer_names)  # for the pings, replies
        return [cart.products[i] for i in ids], cart.inboxes

    async def _insert_order(self, order: OrderDTO, placement_id: int) -> OrderDTO:
        """Inserts the order under a fresh random number; returns it with its id and number."""
        row = sql.order_row(order, placement_id)
        while True:
            number = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(NUMBER_LENGTH))
            row["number"] = number
            order_id = (await self._session.execute(sql.NEW_ORDER, row)).scalar()
            if order_id is not None:  # else the number was taken: draw another
                return replace(order, id=order_id, number=number)
