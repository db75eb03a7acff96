"""Placing a cart: one order per producer, routing, validation, idempotency."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import (
    CartLine,
    Contact,
    Customer,
    Delivery,
    EmptyCart,
    InvalidContact,
    InvalidDelivery,
    InvalidQuantity,
    OrderPolicy,
    OrderService,
    UnknownProducts,
)
from tests.orders.conftest import (
    CHICKEN,
    OPERATOR,
    PEARL,
    TEA,
    FakeClock,
    Run,
    link_producer,
    place,
)
from tests.orders.helpers import counts, outbox_rows

DB = async_sessionmaker[AsyncSession]


async def test_a_cart_is_split_by_producer_and_unlinked_goods_go_to_the_operator(
    run: Run, db: DB
) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    orders = await place(run, [(TEA, 2), (PEARL, 1), (CHICKEN, 3), (TEA, 1)])

    by_producer = {o.producer_id: o for o in orders}
    assert list(by_producer) == ["halong-pearl", "quy-hoa", None]
    assert [(i.product_id, i.quantity) for i in by_producer["quy-hoa"].items] == [(TEA, 3)]
    assert by_producer["quy-hoa"].operator_routed is False
    assert by_producer["halong-pearl"].operator_routed is True  # producer without an inbox
    assert by_producer[None].operator_routed is True  # product without a producer
    assert {o.status for o in orders} == {"pending"}
    assert len({o.number for o in orders}) == 3

    pings = {(r["recipient"], r["order_id"]): r for r in await outbox_rows(db)}
    tea = by_producer["quy-hoa"]
    assert set(pings) == {
        ("telegram:101", tea.id),
        (OPERATOR, by_producer["halong-pearl"].id),
        (OPERATOR, by_producer[None].id),
    }
    payload = pings["telegram:101", tea.id]["payload"]
    assert payload["key"] == "orders.ping.producer.new"
    assert payload["params"]["number"] == tea.number
    assert payload["params"]["phone"] == "0912345678"
    assert [b["payload"] for b in payload["buttons"]] == [
        f"o:acc:{tea.id}:v1",
        f"o:dec:{tea.id}:v1",
    ]
    assert pings[OPERATOR, by_producer[None].id]["key"] == "orders.ping.operator.new"


async def test_every_linked_inbox_of_a_producer_is_pinged(run: Run, db: DB) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    await link_producer(run, "quy-hoa", "web:quyhoa-shop")
    [order] = await place(run, [(TEA, 1)])
    assert {r["recipient"] for r in await outbox_rows(db)} == {"telegram:101", "web:quyhoa-shop"}
    assert order.operator_routed is False


async def test_the_same_inbound_message_twice_makes_one_set_of_orders(run: Run, db: DB) -> None:
    first = await place(run, [(TEA, 1), (CHICKEN, 1)], key="telegram-msg-77")
    before = await counts(db)
    again = await place(run, [(TEA, 1), (CHICKEN, 1)], key="telegram-msg-77")
    assert [o.id for o in again] == [o.id for o in first]
    assert await counts(db) == before
    other = await place(run, [(TEA, 1)], key="telegram-msg-77", customer="web:someone-else")
    assert other[0].id not in {o.id for o in first}


@pytest.mark.parametrize(
    ("lines", "error"),
    [
        ([], EmptyCart),
        ([(TEA, 0)], InvalidQuantity),
        ([(TEA, -2)], InvalidQuantity),
        ([(TEA, 101)], InvalidQuantity),
        ([(TEA, 60), (TEA, 41)], InvalidQuantity),
        ([(TEA, True)], InvalidQuantity),
        ([(TEA, 1), ("no-such-thing", 1), ("nor-this", 2)], UnknownProducts),
    ],
)
async def test_bad_carts_are_refused_and_write_nothing(
    run: Run, db: DB, lines: list[tuple[str, int]], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        await place(run, lines)
    assert await counts(db) == (0, 0, 0)
    if error is UnknownProducts:
        assert caught.value.params["product_ids"] == ["no-such-thing", "nor-this"]  # type: ignore[attr-defined]


async def test_the_largest_allowed_quantity_is_accepted(run: Run) -> None:
    [order] = await place(run, [(TEA, 100)])
    assert order.items[0].quantity == 100


async def test_delivery_and_contact_are_checked(run: Run, db: DB) -> None:
    with pytest.raises(InvalidDelivery):
        await place(run, [(TEA, 1)], delivery=Delivery("delivery", address="  "))
    with pytest.raises(InvalidDelivery):
        await place(run, [(TEA, 1)], delivery=Delivery("pickup", place_id="nowhere"))
    with pytest.raises(InvalidContact):
        await run(
            lambda s: s.place(
                Customer("web:x"),
                [CartLine(TEA, 1)],
                Contact("An", "12"),
                Delivery("pickup"),
                None,
                "k",
            )
        )
    assert await counts(db) == (0, 0, 0)


async def test_pick_up_at_a_real_place_is_paid_there(run: Run, db: DB) -> None:
    from sqlalchemy import select

    from catalog.models import Place

    async with db() as session:
        place_id = await session.scalar(select(Place.id).order_by(Place.id).limit(1))
    [order] = await place(run, [(PEARL, 1)], delivery=Delivery("pickup", place_id=place_id))
    assert (order.delivery_kind, order.payment, order.pickup_place_id) == (
        "pickup",
        "pickup",
        place_id,
    )
    [row] = await outbox_rows(db)
    assert row["payload"]["params"]["delivery"]["key"] == "orders.delivery.pickup"
    assert row["payload"]["params"]["delivery"]["params"]["place"]


async def test_without_an_operator_the_order_still_exists(db: DB, clock: FakeClock) -> None:
    async with db() as session, session.begin():
        orders = await OrderService(session, clock, OrderPolicy(operator=None)).place(
            Customer("web:x"),
            [CartLine(CHICKEN, 1)],
            Contact("An", "0912345678"),
            Delivery("delivery", address="Hạ Long"),
            None,
            "k1",
        )
    assert len(orders) == 1
    assert await counts(db) == (1, 1, 0)


async def test_phone_numbers_never_reach_the_logs(
    run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="catalog")
    [order] = await place(run, [(TEA, 1)])
    assert "0912345678" not in caplog.text and "091****678" in caplog.text
    assert "0912345678" not in repr(order)
    assert order.masked_phone == "091****678"
