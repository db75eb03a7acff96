"""The chat page shows a picture the bot made (a PNG sent as a data: URI) in Chromium."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.channels.web import MemorySessionStore, WebChannel
from bot.core.images import Image
from bot.core.messages import IncomingMessage, Reply
from bot.core.qr import qr_png
from tests.channels.web_browser import chromium, open_page, served
from tests.channels.web_support import settings

pytestmark = pytest.mark.browser
LINK = "https://t.me/ocop_qn_bot?start=link_K7M3-QP9T"


class QrEngine:
    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        if msg.text == "/start":
            return [Reply("Xin chào!")]
        return [Reply(f"Mã mời: K7M3-QP9T\n{LINK}", image=Image.from_png(qr_png(LINK)))]


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with served(WebChannel(QrEngine(), settings(), MemorySessionStore())) as base:
        yield base


async def test_an_invite_qr_is_shown_as_a_picture(url: str) -> None:
    async with chromium() as browser:
        page: Any = await open_page(browser, url)
        log = page.locator("#log")
        await log.get_by_text("Xin chào!").wait_for()
        await page.get_by_label("Tin nhắn").fill("/invite quy-hoa")
        await page.get_by_role("button", name="Gửi").click()
        image = log.locator("img.image")
        await image.wait_for()
        assert (await image.get_attribute("src")).startswith("data:image/png;base64,")
        await page.wait_for_function("document.querySelector('img.image').complete")
        width = await image.evaluate("img => img.naturalWidth")
        assert width > 100  # decoded, not blocked by the page's Content-Security-Policy
        assert page.errors == []
