"""The whole staff journey in Debian's Chromium against the real `python -m bot` process."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.admin.console_support import PASSWORD, add_operator, edited_workbook
from tests.bot_process import WebChat, bot_env, running_bot
from tests.channels.web_browser import PHONE, chromium, open_page

pytestmark = pytest.mark.browser
STAFF = "lan.nguyen@ocop-quangninh.vn"
PRODUCER = "nuoc-mam-cai-rong-jsc"


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as browser:
        yield browser


async def sign_in(browser: Any, url: str) -> Any:
    page = await open_page(browser, url + "admin/")
    await page.get_by_label("Email").fill(STAFF)
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.get_by_role("heading", name="Hộp thư").wait_for()
    return page


async def place_order(customer: WebChat, what: str) -> str:
    """A customer orders through the web chat API, in their own words."""
    steps = [
        (customer.send, what),
        (customer.send, "Trần Thị Hoa"),
        (customer.send, "0912 345 678"),
        (customer.click, "Giao tận nơi"),
        (customer.send, "25 Lê Thánh Tông, Hạ Long"),
        (customer.click, "Không có ghi chú"),
        (customer.click, "Xác nhận"),
    ]
    for step, arg in steps:
        said = await asyncio.to_thread(step, arg)
    assert "Đặt hàng thành công" in said
    return said


def number_in(text: str) -> str:
    found = re.search(r"\b([ACDEFGHJKMNPQRTUVWXY34679]{6})\b", text)
    assert found, text
    return found.group(1)


async def test_staff_journey_hand_off_orders_catalog_and_charts(
    browser: Any, tmp_path: Path
) -> None:
    assert "can sign in" in add_operator(tmp_path, STAFF)
    with running_bot(bot_env(tmp_path)) as (_process, url):
        staff = await sign_in(browser, url)
        inbox = staff.locator("#inbox-list")

        # A tourist asks for a person in the web chat; the inbox shows it without a reload.
        chat = await open_page(browser, url)
        log = chat.locator("#log")
        await log.get_by_text("Xin chào! Mình là trợ lý OCOP Quảng Ninh").wait_for()
        await chat.get_by_label("Tin nhắn").fill("cho mình gặp nhân viên tư vấn với, mua quà biếu")
        await chat.keyboard.press("Enter")
        forwarded = "Mình đã chuyển lời nhắn của bạn tới cán bộ Trung tâm OCOP"
        await log.get_by_text(forwarded).wait_for()
        await inbox.get_by_text("cho mình gặp nhân viên tư vấn với, mua quà biếu").wait_for()

        # Staff read the conversation so far and reply; the customer's chat receives it.
        await inbox.get_by_text("cho mình gặp nhân viên tư vấn với").click()
        await staff.locator("#transcript").get_by_text("Mình đã chuyển lời nhắn").wait_for()
        await staff.get_by_label("Trả lời khách").fill("Chào bạn, mình là Lan ở Trung tâm OCOP ạ.")
        await staff.get_by_role("button", name="Gửi").click()
        await staff.get_by_text("Đã gửi trả lời tới khách.").wait_for()
        await log.get_by_text("Cán bộ Trung tâm OCOP: Chào bạn, mình là Lan").wait_for()

        # While staff hold the chat the bot stays quiet; staff see the message arrive.
        bot_lines = await log.locator(".msg.bot:not(.typing)").count()
        await chat.get_by_label("Tin nhắn").fill("nuoc mam cai rong bao nhieu tien 1 chai vay")
        await chat.keyboard.press("Enter")
        await staff.locator("#transcript").get_by_text("nuoc mam cai rong bao nhieu").wait_for()
        await asyncio.sleep(1.5)
        assert await log.locator(".msg.bot:not(.typing)").count() == bot_lines

        # Ending the hand-off gives the chat back to the bot.
        await staff.get_by_role("button", name=re.compile("Kết thúc hỗ trợ")).click()
        await staff.get_by_text("Đã kết thúc hỗ trợ").wait_for()
        await log.get_by_text("Cán bộ đã kết thúc hỗ trợ").wait_for()
        await chat.get_by_label("Tin nhắn").fill("trà hoa vàng Ba Chẽ mấy sao?")
        await chat.keyboard.press("Enter")
        await log.locator(".msg.bot", has_text="Ba Chẽ").last.wait_for()
        await chat.get_by_label("Tin nhắn").fill("xyzzy qwop blorf")
        await chat.keyboard.press("Enter")
        await asyncio.sleep(1)

        # An order for a producer without a linked chat arrives in the inbox.
        customer = await asyncio.to_thread(WebChat, url)
        first = number_in(await place_order(customer, "cho mình 2 chai nước mắm Cái Rồng"))
        await inbox.get_by_text(first).wait_for()
        assert await staff.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        # The producer links a chat from a console invite; staff reassign the order to it.
        await staff.get_by_role("link", name="Nhà sản xuất").click()
        row = staff.locator("tr", has_text=PRODUCER)
        await row.get_by_role("button", name="Tạo mã mời").click()
        code = (await staff.locator("#invite-code").inner_text()).strip()
        producer = await asyncio.to_thread(WebChat, url)
        linked = await asyncio.to_thread(producer.send, f"/link {code}")
        assert "Cái Rồng" in linked
        await staff.get_by_role("link", name="Hộp thư").click()
        await inbox.get_by_text(first).click()
        assert await staff.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        await staff.get_by_label("Chuyển cho nhà sản xuất").select_option(PRODUCER)
        await staff.get_by_role("button", name="Chuyển đơn").click()
        await staff.get_by_text("Đã chuyển đơn cho nhà sản xuất.").wait_for()
        pinged = await asyncio.to_thread(producer.wait_for, first)
        assert any("Đơn hàng mới" in m["text"] for m in pinged)
        await staff.get_by_role("link", name="Hộp thư").click()
        await staff.get_by_text("Chưa có việc gì cần xử lý.").wait_for()

        # Another order is cancelled with a reason; the customer is told why.
        customer = await asyncio.to_thread(WebChat, url)  # (one chat may send 10 in a burst)
        second = number_in(await place_order(customer, "lấy 1 chai nước mắm Cái Rồng nhé"))
        await staff.get_by_role("link", name="Đơn hàng").click()
        await staff.get_by_role("link", name=second).click()
        await staff.get_by_label("Lý do huỷ").fill("Cơ sở tạm hết hàng loại chai 500ml")
        await staff.get_by_role("button", name="Huỷ đơn").click()
        await staff.get_by_text("Đã huỷ đơn và báo cho khách.").wait_for()
        told = await asyncio.to_thread(customer.wait_for, "Cơ sở tạm hết hàng")
        assert any(second in m["text"] and "đã bị huỷ" in m["text"] for m in told)

        # A bad workbook shows its row errors and writes nothing; a good one is applied.
        await staff.get_by_role("link", name="Danh mục").click()
        async with staff.expect_download() as download:
            await staff.get_by_role("link", name="XLSX").click()
        exported = Path(await (await download.value).path()).read_bytes()
        bad = edited_workbook(exported, "nuoc-mam-cai-rong", stars=9, category="đồ chơi")
        good = edited_workbook(exported, "nuoc-mam-cai-rong", name_en="Cai Rong fish sauce (new)")
        (tmp_path / "bad.xlsx").write_bytes(bad)
        (tmp_path / "good.xlsx").write_bytes(good)
        await staff.get_by_label("Tệp").set_input_files(tmp_path / "bad.xlsx")
        await staff.get_by_role("button", name="Kiểm tra").click()
        problems = staff.locator(".problems li")
        await problems.first.wait_for()
        assert "bad.xlsx[products]:" in await problems.first.inner_text()
        assert await problems.count() == 2
        assert await staff.get_by_role("button", name="Áp dụng").count() == 0
        await staff.get_by_label("Tệp").set_input_files(tmp_path / "good.xlsx")
        await staff.get_by_role("button", name="Kiểm tra").click()
        await staff.get_by_text("products: thêm 0, sửa 1").wait_for()
        await staff.get_by_role("button", name="Áp dụng").click()
        await staff.get_by_text("Đã áp dụng vào danh mục.").wait_for()

        # The charts are drawn from what was stored.
        await staff.get_by_role("link", name="Thống kê").click()
        charts = staff.locator("canvas[data-chart]")
        await charts.first.wait_for()
        drawn = await staff.evaluate(
            "Array.from(document.querySelectorAll('canvas[data-chart]'))"
            ".map(c => [c.dataset.chart, !!c.chart && c.width > 0])"
        )
        assert {"messages", "users", "intents", "orders_day", "funnel"} <= {
            name for name, ok in drawn if ok
        }
        await staff.locator(".missed").get_by_text("xyzzy qwop blorf").wait_for()
        assert staff.errors == [] and chat.errors == []
