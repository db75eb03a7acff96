"""The state machine: who may do what, when, and what everybody is told."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import (
    Delivery,
    OrderDTO,
    OrderPolicy,
    OrderService,
    Refusal,
    RefusalReason,
    parse_order_payload,
)
from tests.orders.conftest import (
    CHICKEN,
    CUSTOMER,
    OPERATOR,
    PEARL,
    TEA,
    FakeClock,
    Run,
    link_producer,
    place,
)
from tests.orders.helpers import counts, outbox_rows, refused

DB = async_sessionmaker[AsyncSession]
QUY_HOA = "telegram:101"
PEARL_CHAT = "zalo_bot:202"


@pytest.fixture
async def tea(run: Run) -> OrderDTO:
    """A pending order of quy-hoa (linked to QUY_HOA); halong-pearl is linked too."""
    await link_producer(run, "quy-hoa", QUY_HOA)
    await link_producer(run, "halong-pearl", PEARL_CHAT)
    [order] = await place(run, [(TEA, 2)])
    return order


async def act(run: Run, order: OrderDTO, action: str, who: str, **kw: str) -> OrderDTO | Refusal:
    return await run(lambda s: s.act(order.id, action, who, **kw))  # type: ignore[return-value]


async def test_the_producer_takes_an_order_all_the_way(run: Run, db: DB, tea: OrderDTO) -> None:
    accepted = await act(run, tea, "accept", QUY_HOA, token="v1")
    assert isinstance(accepted, OrderDTO) and (accepted.status, accepted.version) == (
        "accepted",
        2,
    )
    shipped = await act(run, tea, "ship", QUY_HOA, token="v2")
    delivered = await act(run, tea, "deliver", QUY_HOA, token="v3")
    assert isinstance(delivered, OrderDTO) and delivered.status == "delivered"
    assert isinstance(shipped, OrderDTO)

    final = await run(lambda s: s.get(tea.id))
    assert [(e.from_status, e.to_status, e.actor) for e in final.events] == [  # type: ignore[attr-defined]
        (None, "pending", f"customer:{CUSTOMER}"),
        ("pending", "accepted", "producer:quy-hoa"),
        ("accepted", "shipped", "producer:quy-hoa"),
        ("shipped", "delivered", "producer:quy-hoa"),
    ]
    told = [r for r in await outbox_rows(db) if r["recipient"] == CUSTOMER]
    assert [r["key"] for r in told] == [
        "orders.customer.accepted",
        "orders.customer.shipped",
        "orders.customer.delivered",
    ]
    assert {r["payload"]["lang"] for r in told} == {"vi"}
    assert told[0]["payload"]["params"]["number"] == tea.number


async def test_pick_up_orders_tell_the_customer_they_are_ready(run: Run, db: DB) -> None:
    from sqlalchemy import select

    from catalog.models import Place

    async with db() as session:
        place_id = await session.scalar(select(Place.id).limit(1))
    [order] = await place(run, [(CHICKEN, 1)], delivery=Delivery("pickup", place_id=place_id))
    await act(run, order, "accept", OPERATOR)
    await act(run, order, "ship", OPERATOR)
    keys = [r["key"] for r in await outbox_rows(db) if r["recipient"] == CUSTOMER]
    assert keys == ["orders.customer.accepted", "orders.customer.ready"]


async def test_decline_needs_a_reason_and_passes_it_on(run: Run, db: DB, tea: OrderDTO) -> None:
    assert refused(await act(run, tea, "decline", QUY_HOA), RefusalReason.REASON_REQUIRED)
    declined = await act(run, tea, "decline", QUY_HOA, reason="Hết hàng")
    assert isinstance(declined, OrderDTO) and declined.status == "declined"
    [told] = [r for r in await outbox_rows(db) if r["recipient"] == CUSTOMER]
    assert (told["key"], told["payload"]["params"]["reason"]) == (
        "orders.customer.declined",
        "Hết hàng",
    )


async def test_only_the_producers_chat_may_answer(run: Run, db: DB, tea: OrderDTO) -> None:
    before = await counts(db)
    for who in (PEARL_CHAT, "telegram:999999", CUSTOMER, OPERATOR):
        for action in ("accept", "decline", "ship", "deliver"):
            result = await act(run, tea, action, who, reason="x")
            assert refused(result, RefusalReason.NOT_ALLOWED), (who, action, result)
    assert await counts(db) == before


async def test_the_operator_answers_for_operator_routed_orders(run: Run) -> None:
    [order] = await place(run, [(CHICKEN, 1)])
    assert refused(await act(run, order, "accept", "telegram:101"), RefusalReason.NOT_ALLOWED)
    result = await act(run, order, "accept", OPERATOR)
    assert isinstance(result, OrderDTO) and result.status == "accepted"
    [event] = [e for e in (await run(lambda s: s.get(order.id))).events if e.from_status]  # type: ignore[attr-defined]
    assert event.actor == f"operator:{OPERATOR}"


async def test_a_producer_linked_later_may_answer_its_own_orders(run: Run) -> None:
    [order] = await place(run, [(PEARL, 1)])
    assert order.operator_routed
    await link_producer(run, "halong-pearl", PEARL_CHAT)
    assert isinstance(await act(run, order, "accept", PEARL_CHAT), OrderDTO)


async def test_the_customer_cancels_only_their_own_pending_order(
    run: Run, db: DB, tea: OrderDTO
) -> None:
    assert refused(await act(run, tea, "cancel", "web:stranger"), RefusalReason.NOT_ALLOWED)
    assert refused(await act(run, tea, "cancel", QUY_HOA), RefusalReason.NOT_ALLOWED)
    cancelled = await act(run, tea, "cancel", CUSTOMER, token="v1")
    assert isinstance(cancelled, OrderDTO) and cancelled.status == "cancelled"
    [notice] = [r for r in await outbox_rows(db) if r["kind"] == "order.cancelled"]
    assert (notice["recipient"], notice["key"]) == (QUY_HOA, "orders.producer.cancelled")


async def test_the_customer_cannot_cancel_after_acceptance(
    run: Run, db: DB, tea: OrderDTO
) -> None:
    await act(run, tea, "accept", QUY_HOA)
    before = await counts(db)
    result = await act(run, tea, "cancel", CUSTOMER)
    assert refused(result, RefusalReason.WRONG_STATE)
    assert result.params["status"] == "accepted"  # type: ignore[union-attr]
    assert result.key == "orders.refused.wrong_state"  # type: ignore[union-attr]
    assert await counts(db) == before


async def test_a_replayed_accept_after_a_decline_changes_nothing(
    run: Run, db: DB, tea: OrderDTO
) -> None:
    button = parse_order_payload(f"o:acc:{tea.id}:v1")
    assert button is not None
    await act(run, tea, "decline", QUY_HOA, reason="Hết hàng", token="v1")
    before = await counts(db)
    replay = await run(
        lambda s: s.act(button.order_id, button.action, QUY_HOA, token=button.token)
    )
    assert refused(replay, RefusalReason.WRONG_STATE)
    assert replay.params == {"number": tea.number, "status": "declined", "action": "accept"}  # type: ignore[union-attr]
    assert await counts(db) == before
    assert (await run(lambda s: s.get(tea.id))).status == "declined"  # type: ignore[attr-defined]


async def test_a_stale_or_forged_version_is_refused(run: Run, db: DB, tea: OrderDTO) -> None:
    await act(run, tea, "accept", QUY_HOA, token="v1")
    assert refused(await act(run, tea, "ship", QUY_HOA, token="v1"), RefusalReason.STALE)
    assert refused(await act(run, tea, "ship", QUY_HOA, token="vX"), RefusalReason.STALE)
    assert refused(await act(run, tea, "ship", QUY_HOA, token="v9"), RefusalReason.STALE)
    assert isinstance(await act(run, tea, "ship", QUY_HOA, token="v2"), OrderDTO)


@pytest.mark.parametrize(
    "payload",
    ["o:acc:12", "o:xyz:12:v1", "o:acc:abc:v1", "o:acc:12:1", "p:acc:12:v1", "o:acc:-1:v1"],
)
def test_malformed_payloads_are_not_order_buttons(payload: str) -> None:
    assert parse_order_payload(payload) is None


async def test_unknown_actions_and_orders_are_refused(run: Run, tea: OrderDTO) -> None:
    assert refused(await act(run, tea, "explode", QUY_HOA), RefusalReason.UNKNOWN_ACTION)
    missing = await run(lambda s: s.act(10_000, "accept", QUY_HOA))
    assert refused(missing, RefusalReason.NOT_FOUND)


@pytest.mark.postgres
async def test_two_inboxes_racing_on_postgres_only_one_wins(
    catalog_db_url: str, db: DB, run: Run, clock: FakeClock, policy: OrderPolicy
) -> None:
    if not catalog_db_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers; the race needs row locks")
    await link_producer(run, "quy-hoa", QUY_HOA)
    await link_producer(run, "quy-hoa", "web:quyhoa-2")
    [order] = await place(run, [(TEA, 1)])

    async def click(action: str, who: str) -> object:
        async with db() as session, session.begin():
            result = await OrderService(session, clock, policy).act(
                order.id, action, who, reason="Hết hàng", token="v1"
            )
            await asyncio.sleep(0.2)  # hold the row lock so the other click must wait
            return result

    results = await asyncio.gather(click("accept", QUY_HOA), click("decline", "web:quyhoa-2"))
    assert sum(isinstance(r, OrderDTO) for r in results) == 1
    assert sum(refused(r, RefusalReason.STALE) for r in results) == 1
    final = await run(lambda s: s.get(order.id))
    assert len(final.events) == 2  # type: ignore[attr-defined]
