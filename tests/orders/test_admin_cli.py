"""The operator's commands: orders list/show, producers invite/list."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.admin_cli import AdminError, orders_list, orders_show, producers_invite, producers_list
from tests.orders.conftest import CHICKEN, CUSTOMER, TEA, FakeClock, Run, link_producer, place

DB = async_sessionmaker[AsyncSession]


async def test_invite_prints_a_code_that_links_a_chat(run: Run, db: DB, clock: FakeClock) -> None:
    out = json.loads(await producers_invite(db, "quy-hoa", as_json=True, clock=clock))
    assert out["producer"] == "quy-hoa"
    assert out["expires_at"] == (clock.now + timedelta(hours=24)).isoformat()
    assert await run(lambda s: s.link(out["code"], "telegram:101")) == "quy-hoa"
    text = await producers_invite(db, "quy-hoa", clock=clock)
    assert "Invite code for quy-hoa: " in text
    with pytest.raises(AdminError, match="no producer"):
        await producers_invite(db, "nobody")


async def test_orders_are_listed_and_filtered(run: Run, db: DB) -> None:
    assert await orders_list(db) == "no orders"
    await link_producer(run, "quy-hoa", "telegram:101")
    tea, chicken = await place(run, [(TEA, 2), (CHICKEN, 1)])
    await run(lambda s: s.act(tea.id, "accept", "telegram:101"))
    text = await orders_list(db)
    assert tea.number in text and chicken.number in text and "(operator)" in text
    assert await orders_list(db, status="delivered") == "no orders"
    [only] = json.loads(await orders_list(db, status="accepted", as_json=True))
    assert (only["number"], only["producer"], only["items"]) == (
        tea.number,
        "quy-hoa",
        [{"product": TEA, "quantity": 2}],
    )
    with pytest.raises(AdminError, match="unknown status"):
        await orders_list(db, status="lost")


async def test_an_order_is_shown_with_history_and_messages(run: Run, db: DB) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    [tea] = await place(run, [(TEA, 2)])
    await run(lambda s: s.act(tea.id, "decline", "telegram:101", reason="Hết hàng"))
    by_number = await orders_show(db, tea.number.lower())
    assert by_number == await orders_show(db, str(tea.id))
    assert f"Order {tea.number} (id {tea.id}) - declined" in by_number
    assert "pending -> declined   producer:quy-hoa - Hết hàng" in by_number
    assert f"order.update      to {CUSTOMER}: waiting, 0 attempt(s)" in by_number
    assert "0912345678" in by_number  # the operator must be able to call the customer
    with pytest.raises(AdminError):
        await orders_show(db, "999999")


async def test_producers_are_listed_with_their_chats(run: Run, db: DB) -> None:
    await link_producer(run, "quy-hoa", "telegram:101")
    await place(run, [(TEA, 1)])
    line = next(x for x in (await producers_list(db)).splitlines() if x.startswith("quy-hoa "))
    assert line.split()[1:] == ["1", "telegram:101"]
    rows = {p["id"]: p for p in json.loads(await producers_list(db, as_json=True))}
    assert rows["quy-hoa"]["inboxes"] == ["telegram:101"]
    assert rows["halong-pearl"] == {**rows["halong-pearl"], "inboxes": [], "open_orders": 0}


async def test_orders_list_pages_and_says_when_there_is_more(db: DB, run: Run) -> None:
    """Regression: `orders list` silently stopped at 200."""
    for i in range(5):
        await place(run, [(CHICKEN, 1)], key=f"page-{i}", customer=f"web:page{i}")
    first = await orders_list(db, limit=2)
    assert "there are more: --offset 2" in first
    assert len([line for line in first.splitlines() if line.strip()[:1].isdigit()]) == 2
    last = await orders_list(db, limit=2, offset=4)
    assert "no more" in last and "there are more" not in last
    assert await orders_list(db, offset=10) == "no orders after the first 10"
    with pytest.raises(AdminError):
        await orders_list(db, limit=0)
    with pytest.raises(AdminError):
        await orders_show(db, "9" * 30)  # past SQL integers: "no order", not a crash
