"""Sellers' own prices: a producer states a price per unit for each of its products."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Row, Table, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Product
from catalog.payments.dto import SellerPriceDTO
from catalog.payments.errors import PaymentError
from catalog.payments.models import SellerPrice

MAX_PRICE_VND = 1_000_000_000
UNIT_CHARS = 40
_AMOUNT = re.compile(r"^(\d{1,3}(?:[.,]\d{3})+|\d+)(k|nghin|ngan|tr|trieu|d|vnd|dong)?$")


def fold_amount(text: str) -> str:
    """Lower-case, no diacritics, no spaces; "₫" and "đ" become "d" ("85 nghìn" -> "85nghin")."""
    lowered = text.strip().lower().replace("đ", "d").replace("₫", "d").replace(" ", "")
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def read_amount(text: str) -> int | None:
    """Reads a VND amount as people type it: "120000", "120.000", "120k", "1,2tr" -> int."""
    folded = fold_amount(text)
    match = re.fullmatch(r"(\d+)[.,](\d)(tr|trieu)", folded)
    if match:
        return int(match.group(1)) * 1_000_000 + int(match.group(2)) * 100_000
    match = _AMOUNT.match(folded)
    if not match:
        return None
    value = int(re.sub(r"[.,]", "", match.group(1)))
    suffix = match.group(2) or ""
    if suffix in ("k", "nghin", "ngan"):
        value *= 1000
    elif suffix in ("tr", "trieu"):
        value *= 1_000_000
    return value if 0 < value <= MAX_PRICE_VND else None


class PricedProduct(Protocol):
    """What :func:`catalog_seller_price` reads of a product (a Product, or a row of them)."""

    id: str
    producer_id: str | None
    price_vnd: int | None
    price_max_vnd: int | None
    price_date: str | None
    price_unit: str | None
    price_set_by: str | None


def catalog_seller_price(product: PricedProduct) -> SellerPriceDTO | None:
    """A seller's price the operator imported into the catalog, when it is one exact amount
    for a producer's product and dated (`price_date` YYYY-MM-DD, YYYY-MM or d/m/yyyy)."""
    amount, top = product.price_vnd, product.price_max_vnd
    if product.producer_id is None or amount is None or top not in (None, amount):
        return None
    if not 0 < amount <= MAX_PRICE_VND:
        return None
    when = _read_date(product.price_date or "")
    return SellerPriceDTO(
        product.id,
        product.producer_id,
        amount,
        product.price_unit,
        product.price_set_by or "catalog",
        when or datetime(1970, 1, 1, tzinfo=UTC),
        origin="catalog",
    )


def _read_date(text: str) -> datetime | None:
    for pattern in ("%Y-%m-%d", "%Y-%m", "%d/%m/%Y", "%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _dto(row: SellerPrice) -> SellerPriceDTO:
    return SellerPriceDTO(
        row.product_id, row.producer_id, row.amount_vnd, row.unit, row.set_by, row.set_at
    )


# Every product card and checkout summary asks this (placing an order too, with more columns:
# catalog.orders.cart_read): one statement, built once, on the tables (a Core statement: no
# ORM query is set up for a few columns).
_products: Table = Product.__table__  # type: ignore[assignment]
_sellers: Table = SellerPrice.__table__  # type: ignore[assignment]
PRICES = (
    select(
        _products.c.id,
        _products.c.producer_id,
        _products.c.price_kind,
        _products.c.price_vnd,
        _products.c.price_max_vnd,
        _products.c.price_date,
        _products.c.price_unit,
        _products.c.price_set_by,
        _sellers.c.producer_id.label("seller_producer_id"),
        _sellers.c.amount_vnd,
        _sellers.c.unit,
        _sellers.c.set_by,
        _sellers.c.set_at,
    )
    .outerjoin(_sellers, _sellers.c.product_id == _products.c.id)
    .where(_products.c.id.in_(bindparam("ids", expanding=True)))
)


def seller_price_of(row: Row[Any]) -> SellerPriceDTO | None:
    """The seller's price in one row of ``PRICES`` (see SellerPrices.for_products)."""
    known = None
    if row.amount_vnd is not None:  # the product has a seller_prices row
        seller = row.seller_producer_id
        known = SellerPriceDTO(row.id, seller, row.amount_vnd, row.unit, row.set_by, row.set_at)
    imported = catalog_seller_price(row) if row.price_kind == "seller" else None
    if imported is not None and (known is None or imported.set_at > known.set_at):
        known = imported
    return known


class SellerPrices:
    """Reads and writes sellers' prices; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def for_products(self, product_ids: Iterable[str]) -> dict[str, SellerPriceDTO]:
        """The seller's price of each product that has one: set from the producer's chat (or
        `payments price`), or imported into the catalog as `price_kind: seller` with one exact
        amount; of the two, the newer counts."""
        ids = sorted(set(product_ids))
        if not ids:
            return {}
        prices: dict[str, SellerPriceDTO] = {}
        for row in await self._session.execute(PRICES, {"ids": ids}):
            known = seller_price_of(row)
            if known is not None:
                prices[row.id] = known
        return prices

    async def products_of(self, producer_id: str) -> list[tuple[str, str, SellerPriceDTO | None]]:
        """(product id, Vietnamese name, price or None) of every product of the producer."""
        products = (
            await self._session.execute(
                select(Product.id, Product.name_vi)
                .where(Product.producer_id == producer_id)
                .order_by(Product.name_vi)
            )
        ).all()
        prices = await self.for_products(p.id for p in products)
        return [(p.id, p.name_vi, prices.get(p.id)) for p in products]

    async def set(
        self,
        producer_id: str,
        product_id: str,
        amount_vnd: int,
        unit: str | None,
        set_by: str,
        now: datetime,
    ) -> SellerPriceDTO:
        """Sets (or replaces) the price of one of the producer's products.

        Raises:
            PaymentError: not_your_product (unknown, or another producer's) or bad_amount.
        """
        owner = await self._session.scalar(
            select(Product.producer_id).where(Product.id == product_id)
        )
        if owner is None or owner != producer_id:
            raise PaymentError("payments.price.not_yours", product=product_id)
        if not 0 < amount_vnd <= MAX_PRICE_VND:
            raise PaymentError("payments.price.bad_amount")
        unit = " ".join((unit or "").split())[:UNIT_CHARS] or None
        row = await self._session.get(SellerPrice, product_id)
        if row is None:
            row = SellerPrice(product_id=product_id, producer_id=producer_id)
            self._session.add(row)
        row.amount_vnd, row.unit, row.set_by, row.set_at = amount_vnd, unit, set_by, now
        await self._session.flush()
        return _dto(row)
