"""Placing a cart: one order per producer, events and pings, all in the caller's transaction."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Product
from catalog.orders.directory import Directory
from catalog.orders.dto import CartLine, Contact, Customer, Delivery, OrderDTO, mask_phone
from catalog.orders.errors import DuplicatePlacement, UnknownProducts
from catalog.orders.models import Order, OrderEvent, OrderItem, OrderPlacement
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy
from catalog.orders.repository import OrderRepository, to_dto
from catalog.orders.routing import send_pings
from catalog.orders.validation import NOTE_CHARS, clean_contact, clean_delivery, merged_cart

logger = logging.getLogger(__name__)
# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read out over the phone.
NUMBER_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
NUMBER_LENGTH = 6


def unit_price(product: Product) -> int | None:
    """The price per unit when the catalog knows one exact price, else None."""
    if product.price_max_vnd not in (None, product.price_vnd):
        return None  # a range: the producer confirms the price
    return product.price_vnd


def _item(product: Product, quantity: int) -> OrderItem:
    return OrderItem(
        product_id=product.id,
        name=product.name_vi,
        quantity=quantity,
        unit=product.price_unit or product.unit,
        unit_price_vnd=unit_price(product),
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
        earlier = await self._session.scalar(
            select(OrderPlacement.id).where(
                OrderPlacement.customer_address == customer.address,
                OrderPlacement.idempotency_key == idempotency_key,
            )
        )
        if earlier is not None:  # a replay: the first placement's answer, whatever changed since
            logger.info("placement %s replayed: returning its orders", earlier)
            return sorted(await self._orders.find(placement_id=earlier), key=lambda o: o.id)
        cart = merged_cart(items, self._policy.max_quantity)
        contact = clean_contact(contact)
        delivery = await clean_delivery(self._session, delivery)
        note = (note or "").strip()[:NOTE_CHARS] or None
        products = await self._products(list(cart))
        placement = OrderPlacement(
            customer_address=customer.address, idempotency_key=idempotency_key, created_at=now
        )
        self._session.add(placement)
        try:
            await self._session.flush()
        except IntegrityError as exc:
            raise DuplicatePlacement("placed concurrently; retry to read it") from exc
        groups: dict[str | None, list[Product]] = {}
        for product in products:
            groups.setdefault(product.producer_id, []).append(product)
        inboxes = await Directory(self._session).inboxes(groups)
        placed = []
        for producer_id in sorted(groups, key=lambda p: (p is None, p or "")):
            order = Order(
                number=await self._new_number(),
                placement_id=placement.id,
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
                items=[_item(p, cart[p.id]) for p in groups[producer_id]],
            )
            self._session.add(order)
            await self._session.flush()
            self._session.add(
                OrderEvent(
                    order_id=order.id,
                    from_status=None,
                    to_status="pending",
                    actor=f"customer:{customer.address}",
                    at=now,
                )
            )
            placed.append(to_dto(order))
        await self._ping(placed, now)
        logger.info(
            "placed %d order(s) %s for %s (phone %s)",
            len(placed),
            ",".join(o.number for o in placed),
            customer.address,
            mask_phone(contact.phone),
        )
        return placed

    async def _ping(self, orders: list[OrderDTO], now: datetime) -> None:
        outbox = OutboxRepository(self._session)
        directory = Directory(self._session)
        for order in orders:
            await send_pings(outbox, directory, order, self._policy, now, "new")
            if order.operator_routed:  # no producer chat: the console's inbox receives it
                from catalog.console.inbox import Inbox  # console tables import the order base

                inbox = Inbox(self._session)
                await inbox.add_order(
                    order.id, order.customer_address, now, order.customer_language
                )

    async def _products(self, ids: list[str]) -> list[Product]:
        rows = list(await self._session.scalars(select(Product).where(Product.id.in_(ids))))
        missing = sorted(set(ids) - {p.id for p in rows})
        if missing:
            raise UnknownProducts(f"unknown products: {missing}", product_ids=missing)
        return sorted(rows, key=lambda p: ids.index(p.id))

    async def _new_number(self) -> str:
        while True:
            number = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(NUMBER_LENGTH))
            if await self._session.scalar(select(Order.id).where(Order.number == number)) is None:
                return number
