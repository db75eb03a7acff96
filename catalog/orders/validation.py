"""Checks on a cart, a contact and a delivery before anything is written."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.directory import Directory
from catalog.orders.dto import CartLine, Contact, Delivery
from catalog.orders.errors import EmptyCart, InvalidContact, InvalidDelivery, InvalidQuantity

PHONE_DIGITS = (8, 15)
NAME_CHARS = 200
ADDRESS_CHARS = 1000
NOTE_CHARS = 1000


def merged_cart(items: Sequence[CartLine], max_quantity: int) -> dict[str, int]:
    """Adds up lines of the same product and checks every quantity.

    Raises:
        EmptyCart: no lines.
        InvalidQuantity: a quantity that is not an int in 1..max_quantity (after merging).
    """
    if not items:
        raise EmptyCart("the cart is empty")
    cart: Counter[str] = Counter()
    for line in items:
        quantity = line.quantity
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            raise InvalidQuantity(
                f"quantity {quantity!r} of {line.product_id}",
                product_id=line.product_id,
                max_quantity=max_quantity,
            )
        cart[line.product_id] += quantity
    for product_id, quantity in cart.items():
        if quantity > max_quantity:
            raise InvalidQuantity(
                f"quantity {quantity} of {product_id} is over {max_quantity}",
                product_id=product_id,
                max_quantity=max_quantity,
            )
    return dict(cart)


def clean_contact(contact: Contact) -> Contact:
    """Trims the name and normalises the phone to digits (a leading + kept).

    Raises:
        InvalidContact: an empty name or a phone without 8-15 digits.
    """
    name = " ".join(contact.name.split())[:NAME_CHARS]
    digits = re.sub(r"\D", "", contact.phone)
    if not name:
        raise InvalidContact("the name is empty", field="name")
    if not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        raise InvalidContact("the phone number is not valid", field="phone")
    plus = "+" if contact.phone.strip().startswith("+") else ""
    return Contact(name, plus + digits)


async def clean_delivery(session: AsyncSession, delivery: Delivery) -> Delivery:
    """Checks the delivery address, or that the pick-up place exists.

    Raises:
        InvalidDelivery: delivery without an address, or an unknown pick-up place.
    """
    if delivery.kind == "delivery":
        address = (delivery.address or "").strip()[:ADDRESS_CHARS]
        if not address:
            raise InvalidDelivery("delivery needs an address", field="address")
        return Delivery("delivery", address=address, payment=delivery.payment_kind)
    if delivery.kind != "pickup":
        raise InvalidDelivery(f"unknown delivery kind {delivery.kind!r}", field="kind")
    place_id = delivery.place_id or ""
    if await Directory(session).known_place(place_id) is None:
        raise InvalidDelivery(f"unknown pick-up place {place_id!r}", field="place_id")
    return Delivery("pickup", place_id=place_id, payment=delivery.payment_kind)
