"""Console pages in-process: invites with a QR code, CSV export, roles, language, catalog."""

from __future__ import annotations

import base64
import re

from bot.admin.producer_views import deep_link
from tests.admin.conftest import Console

ADMIN, STAFF = "admin@ocop.vn", "staff@ocop.vn"


async def test_an_invite_shows_its_code_and_a_qr_of_the_telegram_deep_link(
    console: Console,
) -> None:
    await console.add(ADMIN)
    await console.sign_in(ADMIN)
    console.admin_ctx.settings = console.admin_ctx.settings.model_copy(
        update={"telegram_username": "ocop_qn_bot"}
    )
    token = await console.csrf_of("/admin/producers")
    page = await (
        await console.client.post("/admin/producers/quy-hoa/invite", data={"csrf": token})
    ).text()
    code = re.search(r'id="invite-code">([A-Z0-9-]+)<', page)
    assert code, page
    link = deep_link("ocop_qn_bot", code.group(1))
    assert link == f"https://t.me/ocop_qn_bot?start=link_{code.group(1).replace('-', '')}"
    qr = re.search(r'src="data:image/png;base64,([^"]+)"', page)
    assert qr and base64.b64decode(qr.group(1)).startswith(b"\x89PNG")
    assert link in page


async def test_staff_may_not_change_the_catalog_or_read_the_audit_log(console: Console) -> None:
    await console.add(STAFF, role="staff")
    await console.sign_in(STAFF)
    page = await (await console.client.get("/admin/catalog")).text()
    assert "Nhập tệp danh mục" not in page  # no upload form for staff
    token = await console.csrf_of("/admin/catalog")
    applied = await console.client.post("/admin/catalog/apply", data={"csrf": token, "token": "x"})
    assert applied.status == 403 and "Chỉ tài khoản quản trị" in await applied.text()
    assert (await console.client.get("/admin/audit")).status == 403


async def test_english_is_one_click_away_and_stays(console: Console) -> None:
    await console.add(ADMIN)
    await console.sign_in(ADMIN)
    await console.client.get("/admin/lang?to=en", headers={"Referer": "http://x/admin/orders"})
    page = await (await console.client.get("/admin/orders")).text()
    assert '<html lang="en">' in page and "Download CSV" in page and "Tiếng Việt" in page


async def test_the_catalog_page_offers_what_the_catalog_service_has(console: Console) -> None:
    await console.add(ADMIN)
    await console.sign_in(ADMIN)
    products = await (await console.client.get("/admin/catalog?q=nuoc mam")).text()
    assert "Nước mắm Cái Rồng" in products and "Trà hoa vàng" not in products
    places = await (await console.client.get("/admin/catalog?section=places&q=ocop")).text()
    assert "Trung tâm" in places
    assert "section=events" in places  # the events tab (catalog edition 2)
    events = await (await console.client.get("/admin/catalog?section=events")).text()
    assert "Lễ hội Trà hoa vàng Ba Chẽ" in events
    assert "Hội chợ OCOP Quảng Ninh 2017 (lần thứ 4)" in events  # past editions are listed too
    teas = await (await console.client.get("/admin/catalog?section=events&q=tra hoa vang")).text()
    assert "Lễ hội Trà hoa vàng Ba Chẽ" in teas and "Hội hoa sở Bình Liêu" not in teas


async def test_the_board_filters_and_exports_csv_with_the_phone(console: Console) -> None:
    from catalog.orders import CartLine, Contact, Customer, Delivery, OrderService

    async with console.sessions() as session, session.begin():
        service = OrderService(session)
        for address, product in (
            ("web:khach-1", "nuoc-mam-cai-rong"),
            ("zalo_bot:77", "tra-hoa-vang-quy-hoa"),
        ):
            await service.place(
                Customer(address),
                [CartLine(product, 2)],
                Contact("Phạm Văn Dũng", "0912345678"),
                Delivery("delivery", address="3 Cao Thắng, Hạ Long"),
                None,
                f"key-{address}",
            )
    await console.add(STAFF, role="staff")
    await console.sign_in(STAFF)
    board = await (await console.client.get("/admin/orders?channel=zalo_bot")).text()
    assert board.count('href="/admin/orders/') == 1  # only the Zalo order
    exported = await console.client.get("/admin/orders.csv?channel=web&status=pending")
    text = (await exported.read()).decode("utf-8")
    assert text.startswith("\ufeffnumber,") and "0912345678" in text and "Phạm Văn Dũng" in text
    assert text.count("\n") == 2  # the header and the one web order


async def test_a_long_vietnamese_reply_reaches_the_customer_whole(console: Console) -> None:
    from sqlalchemy import select

    from catalog.console import Inbox
    from catalog.orders import utc_now
    from catalog.orders.inbox_models import Outbox

    async with console.sessions() as session, session.begin():
        item = await Inbox(session).add_handoff("web:khach-dai", "cho gặp cán bộ", utc_now())
    await console.add(STAFF, role="staff")
    await console.sign_in(STAFF)
    token = await console.csrf_of(f"/admin/inbox/{item}")
    # 1819 characters, 10 KB url-encoded: over the chat API's 8 KB body limit.
    reply = "Cảm ơn ạ 🙏🌸🍵🎁 " * 130
    sent = await console.client.post(
        f"/admin/inbox/{item}/reply", data={"csrf": token, "text": reply}, allow_redirects=False
    )
    assert sent.status == 302 and "done=sent" in sent.headers["Location"]
    async with console.sessions() as session:
        queued = await session.scalar(select(Outbox).where(Outbox.recipient == "web:khach-dai"))
    assert queued is not None and queued.payload["params"]["text"] == reply.strip()
