"""A seller's price the operator imports into the catalog (`price_kind: seller`) is charged
like one the producer sets from its chat; of the two, the newer counts. News figures never are."""

from __future__ import annotations

from sqlalchemy import update

from catalog.models import Product
from catalog.orders import OrderService
from catalog.payments.prices import SellerPrices
from tests.payments.conftest import (
    DB,
    NOW,
    PRODUCER_ID,
    PRODUCT,
    Run,
    order_by_transfer,
    seller_ready,
)


async def set_catalog_price(db: DB, kind: str, amount: int, date: str | None) -> None:
    async with db() as session, session.begin():
        await session.execute(
            update(Product)
            .where(Product.id == PRODUCT)
            .values(price_vnd=amount, price_max_vnd=None, price_unit="chai 500ml",
                    price_kind=kind, price_date=date, price_set_by="ocop-centre")
        )  # fmt: skip


async def seller_price(db: DB) -> tuple[int, str]:
    async with db() as session:
        price = (await SellerPrices(session).for_products([PRODUCT]))[PRODUCT]
    return price.amount_vnd, price.origin


async def test_an_imported_sellers_price_is_charged_and_a_newer_one_wins(
    db: DB, run: Run
) -> None:
    await seller_ready(run, price=None)
    await set_catalog_price(db, "news", 300_000, "2019-11")
    first = await order_by_transfer(run, "pay-news")
    assert first.total_vnd is None  # a news figure is a reference, never charged

    await set_catalog_price(db, "seller", 110_000, "2026-11-20")
    assert await seller_price(db) == (110_000, "catalog")
    second = await order_by_transfer(run, "pay-catalog")
    assert second.total_vnd == 220_000

    async def set_in_chat(service: OrderService) -> None:
        await SellerPrices(service._session).set(
            PRODUCER_ID, PRODUCT, 120_000, "chai 500ml", "telegram:7002", NOW
        )

    await run(set_in_chat)  # 5/12/2026, newer than the import
    assert await seller_price(db) == (120_000, "chat")
    await set_catalog_price(db, "seller", 125_000, "2026-12-20")
    assert await seller_price(db) == (125_000, "catalog")
    await set_catalog_price(db, "seller", 125_000, "sometime")  # undated: the chat's wins
    assert await seller_price(db) == (120_000, "chat")
