"""The chat page in Debian's headless Chromium over the real engine and seeded catalog."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.channels.web_browser import chromium, open_page
from tests.channels.web_site import real_site

pytestmark = pytest.mark.browser


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as browser:
        yield browser


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
async def test_the_real_bot_greets_answers_and_follows_a_button(
    browser: Any, catalog_db_url: str, tmp_path: Path
) -> None:
    async with real_site(catalog_db_url, tmp_path / "nlu-model") as site:
        await site.start()
        page = await open_page(browser, site.url)
        log = page.locator("#log")
        await log.get_by_text("Xin chào! Mình là trợ lý OCOP Quảng Ninh").wait_for()

        await page.get_by_label("Tin nhắn").fill("nước mắm Cái Rồng giá bao nhiêu?")
        await page.keyboard.press("Enter")
        await log.locator(".msg.bot:not(.typing)").nth(1).wait_for()
        assert "Cái Rồng" in await log.locator(".msg.bot:not(.typing)").nth(1).inner_text()

        await log.get_by_role("button", name=re.compile("Sản phẩm OCOP")).first.click()
        await log.locator(".msg.bot:not(.typing)").nth(2).wait_for()
        assert await log.locator(".msg.notice").count() == 0
        assert page.errors == []
