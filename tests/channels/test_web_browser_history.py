"""The chat page keeps its conversation across a reload, in Debian's headless Chromium."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.channels.web_browser import chromium, open_page
from tests.channels.web_site import real_site

pytestmark = pytest.mark.browser

BOT = ".msg.bot:not(.typing)"


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as browser:
        yield browser


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
async def test_a_reload_shows_the_conversation_again_and_new_conversation_clears_it(
    browser: Any, catalog_db_url: str, tmp_path: Path
) -> None:
    async with real_site(catalog_db_url, tmp_path / "nlu-model") as site:
        await site.start()
        page = await open_page(browser, site.url)
        log = page.locator("#log")
        await log.get_by_text("Xin chào! Mình là trợ lý OCOP Quảng Ninh").wait_for()
        await page.get_by_label("Tin nhắn").fill("nước mắm Cái Rồng")
        await page.keyboard.press("Enter")
        await log.locator(BOT).nth(1).wait_for()
        await log.get_by_role("button", name="Mua ở đâu").click()
        await log.locator(BOT).nth(2).wait_for()
        before = await log.locator(".msg").all_inner_texts()

        await page.reload()
        await log.locator(BOT).nth(2).wait_for()
        after = await log.locator(".msg").all_inner_texts()
        assert after == before  # the same bubbles, in order: question, card, pressed button
        assert any("nước mắm Cái Rồng" in text for text in after)
        assert any("Mua ở đâu" in text for text in after)
        assert "Chào bạn quay lại" not in "\n".join(after)

        # The restored buttons still work, on the same conversation.
        shown = await log.locator(BOT).count()
        await log.get_by_role("button", name="Sản phẩm cùng loại").click()
        await log.locator(BOT).nth(shown).wait_for()
        assert "Nước mắm Cái Rồng" in await log.locator(BOT).last.inner_text()

        await page.get_by_role("button", name="Cuộc trò chuyện mới").click()
        await log.get_by_text("Xin chào! Mình là trợ lý OCOP Quảng Ninh").wait_for()
        assert "Cái Rồng" not in "\n".join(await log.locator(".msg").all_inner_texts())
        await page.reload()
        await log.get_by_text("Xin chào! Mình là trợ lý OCOP Quảng Ninh").wait_for()
        texts = "\n".join(await log.locator(".msg").all_inner_texts())
        assert "Cái Rồng" not in texts
        assert await log.locator(".msg.notice").count() == 0
        assert page.errors == []
