"""What placing an order reads of its cart, in one statement: each product as an order line
snapshots it, its seller's price, its producer's name and the producer's linked chats.

Imported when the first order is placed: its statement joins the payment tables, whose
module imports the order tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Producer, Product
from catalog.orders.dto import InboxDTO
from catalog.orders.inbox_models import ProducerInbox
from catalog.payments.dto import SellerPriceDTO
from catalog.payments.prices import PRICES, seller_price_of

_products: Table = Product.__table__  # type: ignore[assignment]
_producers: Table = Producer.__table__  # type: ignore[assignment]
_inboxes: Table = ProducerInbox.__table__  # type: ignore[assignment]
# One row per product and linked chat of its producer (one with no chat: NULLs), chats in
# the order they were linked, as Directory.inboxes reads them.
CART = (
    PRICES.add_columns(
        _products.c.name_vi,
        _products.c.unit.label("product_unit"),
        _producers.c.name.label("producer_name"),
        _inboxes.c.address.label("inbox_address"),
        _inboxes.c.language.label("inbox_language"),
        _inboxes.c.linked_at.label("inbox_linked_at"),
    )
    .outerjoin(_producers, _producers.c.id == _products.c.producer_id)
    .outerjoin(_inboxes, _inboxes.c.producer_id == _products.c.producer_id)
    .order_by(_inboxes.c.id)
)


@dataclass(frozen=True, slots=True)
class CartProduct:
    """A product as an order line snapshots it, and its seller's price (None: unknown)."""

    product_id: str
    name_vi: str
    producer_id: str | None
    unit: str | None
    price_unit: str | None
    seller: SellerPriceDTO | None


@dataclass
class Cart:
    """The products found (by id), their producers' names and linked chats (by producer id;
    producers without a chat are absent)."""

    products: dict[str, CartProduct] = field(default_factory=dict)
    producer_names: dict[str, str] = field(default_factory=dict)
    inboxes: dict[str, list[InboxDTO]] = field(default_factory=dict)


async def read_cart(session: AsyncSession, product_ids: Iterable[str]) -> Cart:
    """Reads the cart's products (unknown ids are left out) with all the above."""
    cart = Cart()
    ids = sorted(set(product_ids))
    if not ids:
        return cart
    for row in await session.execute(CART, {"ids": ids}):
        producer = row.producer_id
        if row.id not in cart.products:
            cart.products[row.id] = CartProduct(
                row.id,
                row.name_vi,
                producer,
                row.product_unit,
                row.price_unit,
                seller_price_of(row),
            )
        if producer is not None and row.producer_name is not None:
            cart.producer_names[producer] = row.producer_name
        if row.inbox_address is not None:  # a chat of the producer, once per product
            chats = cart.inboxes.setdefault(producer, [])
            chat = InboxDTO(producer, row.inbox_address, row.inbox_language, row.inbox_linked_at)
            if chat not in chats:
                chats.append(chat)
    return cart
