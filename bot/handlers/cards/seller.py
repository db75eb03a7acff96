"""A seller's own price where a product is shown, as a `PriceDTO(kind="seller")`: the card
labels it the seller's and keeps a news figure from the facts as a reference beside it."""

from __future__ import annotations

from bot.core.turn import Turn
from bot.handlers.cards.labels import vnd
from catalog.dto import PriceDTO, ProductDTO
from catalog.payments.dto import SellerPriceDTO
from catalog.payments.prices import SellerPrices


def seller_price_dto(price: SellerPriceDTO) -> PriceDTO:
    """The producer's price per unit, dated the day it was set, as a card shows prices."""
    return PriceDTO(
        min_vnd=price.amount_vnd,
        max_vnd=price.amount_vnd,
        stated=vnd(price.amount_vnd),
        unit=price.unit,
        kind="seller",
        date=price.set_at.date().isoformat(),
        source=None,
        set_by=price.set_by,
    )


async def seller_price(turn: Turn, product_id: str) -> PriceDTO | None:
    """The seller's own price of the product (payments), or None when it has not set one."""
    price = (await SellerPrices(turn.session).for_products([product_id])).get(product_id)
    if price is None or price.origin == "catalog":  # the card's own price already says it
        return None
    return seller_price_dto(price)


def shown_prices(product: ProductDTO, seller: PriceDTO | None) -> list[PriceDTO]:
    """The prices to show, the seller's first; a news, market or fair figure stays beside it
    as a reference. A seller's price set in the chat, newer than the catalog's, replaces it."""
    if seller is None:
        return [product.price] if product.price is not None else []
    if product.price is None or product.price.kind == "seller":
        return [seller]
    return [seller, product.price]
