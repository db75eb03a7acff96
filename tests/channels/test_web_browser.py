"""The chat page in Debian's headless Chromium: open, ask, click, switch language, near me."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.channels.web import MemorySessionStore, WebChannel
from bot.core.messages import Button, IncomingMessage, LocationCard, Reply
from tests.channels.web_browser import PHONE, chromium, open_page, served
from tests.channels.web_support import settings

pytestmark = pytest.mark.browser


class PageEngine:
    """A scripted engine: greets on /start, echoes text, answers buttons and locations."""

    def __init__(self) -> None:
        self.received: list[IncomingMessage] = []

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        self.received.append(msg)
        if msg.text == "/start":
            return [Reply("Xin chào! Mình giúp gì được bạn?", buttons=(Button("Trà", "cat:tea"),))]
        if msg.text and msg.text.startswith("/lang"):
            return [Reply("OK, English from now on.")]
        if msg.location is not None:
            card = LocationCard(20.9511, 107.0736, "Trung tâm OCOP Hạ Long", "Bãi Cháy")
            return [Reply("Nơi bán gần bạn:", location=card)]
        if msg.payload == "product:tra-hoa-vang":
            return [Reply("Trà hoa vàng Ba Chẽ ⭐⭐⭐⭐ — 5 sao OCOP.")]
        if msg.payload is not None:
            return [Reply(f"Đã chọn {msg.payload}")]
        button = Button("Trà hoa vàng Ba Chẽ", "product:tra-hoa-vang")
        return [Reply(f"Bạn hỏi: {msg.text}", buttons=(button,))]


@pytest.fixture
async def site() -> AsyncIterator[tuple[str, PageEngine, WebChannel]]:
    engine = PageEngine()
    channel = WebChannel(engine, settings(), MemorySessionStore())
    async with served(channel) as url:
        yield url, engine, channel


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as browser:
        yield browser


async def test_open_ask_click_a_button_and_see_the_answer(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, _ = site
    page = await open_page(browser, url)
    log = page.locator("#log")

    await log.get_by_text("Xin chào! Mình giúp gì được bạn?").wait_for()
    assert await page.get_attribute("html", "lang") == "vi"

    await page.get_by_label("Tin nhắn").fill("trà hoa vàng là gì?")
    await page.get_by_role("button", name="Gửi").click()
    await log.get_by_text("Bạn hỏi: trà hoa vàng là gì?").wait_for()

    await log.get_by_role("button", name="Trà hoa vàng Ba Chẽ").click()
    await log.get_by_text("Trà hoa vàng Ba Chẽ ⭐⭐⭐⭐ — 5 sao OCOP.").wait_for()

    assert engine.received[-1].payload == "product:tra-hoa-vang"
    # Fits a 375 px phone: nothing scrolls sideways.
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


async def test_english_switch_changes_the_page_and_tells_the_engine(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, _ = site
    page = await open_page(browser, url)
    await page.locator("#log").get_by_text("Xin chào!").wait_for()

    await page.get_by_role("button", name="Switch to English").click()

    await page.locator("#log").get_by_text("OK, English from now on.").wait_for()
    assert await page.get_attribute("html", "lang") == "en"
    assert await page.get_by_role("button", name="Send").is_visible()
    assert await page.get_by_role("button", name="📍 Near me").is_visible()
    assert engine.received[-1].text == "/lang en"


async def test_near_me_sends_the_browser_location_and_shows_a_card(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, _ = site
    page = await open_page(
        browser,
        url,
        geolocation={"latitude": 21.0, "longitude": 107.3},
        permissions=["geolocation"],
    )
    await page.locator("#log").get_by_text("Xin chào!").wait_for()

    await page.get_by_role("button", name="📍 Gần tôi").first.click()

    card = page.locator(".card")
    await card.get_by_text("Trung tâm OCOP Hạ Long").wait_for()
    assert engine.received[-1].location is not None
    assert (engine.received[-1].location.lat, engine.received[-1].location.lon) == (21.0, 107.3)
    href = await card.get_by_role("link").get_attribute("href")
    assert href is not None and href.startswith("https://www.openstreetmap.org/?mlat=20.95110")


async def test_pushed_messages_appear_and_text_is_never_html(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, channel = site
    page = await open_page(browser, url)
    await page.locator("#log").get_by_text("Xin chào!").wait_for()
    await asyncio.sleep(0.3)  # let the page's long poll start

    sneaky = 'Đơn #7: <img src=x onerror="window.pwned=1"> đã giao'
    await channel.send(engine.received[-1].chat_id, [Reply(sneaky)])

    await page.locator("#log").get_by_text(sneaky).wait_for()
    assert await page.locator("#log img").count() == 0
    assert await page.evaluate("window.pwned") is None


async def test_a_returning_visitor_keeps_their_chat_and_a_lost_session_is_replaced(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, _ = site
    page = await open_page(browser, url)
    await page.locator("#log").get_by_text("Xin chào!").wait_for()
    first_chat = engine.received[-1].chat_id

    await page.reload()
    await page.get_by_label("Tin nhắn").fill("còn đó không?")
    await page.keyboard.press("Enter")
    await page.locator("#log").get_by_text("Bạn hỏi: còn đó không?").wait_for()
    assert engine.received[-1].chat_id == first_chat

    await page.evaluate("localStorage.setItem('ocopbot.token', 'forgotten-by-the-server')")
    await page.get_by_label("Tin nhắn").fill("lại đây")
    await page.keyboard.press("Enter")
    await page.locator("#log").get_by_text("Bạn hỏi: lại đây").wait_for()
    assert engine.received[-1].chat_id != first_chat


async def test_a_too_long_message_is_refused_clearly_and_given_back(
    browser: Any, site: tuple[str, PageEngine, WebChannel]
) -> None:
    url, engine, _ = site
    page = await open_page(browser, url)
    await page.locator("#log").get_by_text("Xin chào!").wait_for()
    too_long = "trà " * 501  # 2004 characters

    await page.get_by_label("Tin nhắn").fill(too_long)
    await page.get_by_role("button", name="Gửi").click()

    await page.get_by_role("alert").get_by_text("Tin nhắn dài quá (tối đa 2000 ký tự)").wait_for()
    assert await page.get_by_label("Tin nhắn").input_value() == too_long.strip()
    assert all(m.text != too_long.strip() for m in engine.received)
