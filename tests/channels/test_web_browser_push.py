"""Pushed messages (order pings, status changes) reach the chat page in Chromium even when a
poll's answer is lost, and a reload shows each of them once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.channels.web import MemorySessionStore, WebChannel
from bot.core.messages import IncomingMessage, Reply
from tests.channels.web_browser import PHONE, chromium, served
from tests.channels.web_support import settings

pytestmark = pytest.mark.browser
POLLS = "**/api/chat/updates*"
PING = "Đơn hàng mới WEN3A6: 2 chai Nước mắm Cái Rồng"
ACCEPTED = "✅ Đơn WEN3A6 đã được nhận."


class GreetingEngine:
    """Greets on /start and remembers the chat, so the test can push to it."""

    def __init__(self) -> None:
        self.chat_id = ""

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        self.chat_id = msg.chat_id
        return [Reply("Xin chào!")]


@pytest.fixture
async def site() -> AsyncIterator[tuple[str, GreetingEngine, WebChannel]]:
    engine = GreetingEngine()
    channel = WebChannel(engine, settings(), MemorySessionStore())
    async with served(channel) as url:
        yield url, engine, channel


@pytest.fixture
async def context() -> AsyncIterator[Any]:
    async with chromium() as browser:
        context = await browser.new_context(viewport=PHONE)
        yield context
        await context.unroute_all(behavior="ignoreErrors")  # a long poll may be in a handler
        await context.close()


async def opened(context: Any, url: str) -> Any:
    page = await context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    await page.goto(url)
    await page.locator("#log").get_by_text("Xin chào!").wait_for()
    return page


async def test_a_ping_whose_poll_answer_was_lost_still_appears_once(
    context: Any, site: tuple[str, GreetingEngine, WebChannel]
) -> None:
    url, engine, channel = site
    lost: list[Any] = []

    async def lose_the_first_answer_with_a_message(route: Any) -> None:
        response = await route.fetch(timeout=60_000)  # the server answers...
        if not lost and (await response.json())["messages"]:
            lost.append(await response.json())
            await route.abort("connectionreset")  # ...and the connection drops
        else:
            await route.fulfill(response=response)

    await context.route(POLLS, lose_the_first_answer_with_a_message)
    page = await opened(context, url)
    await asyncio.sleep(0.3)  # the page's long poll is waiting

    await channel.send(engine.chat_id, [Reply(PING)])

    await page.locator("#log").get_by_text(PING).wait_for(timeout=15_000)
    assert [m["text"] for m in lost[0]["messages"]] == [PING]
    await asyncio.sleep(0.5)
    assert await page.locator("#log").get_by_text(PING).count() == 1
    assert page.errors == []


async def test_a_reload_shows_each_pushed_message_once(
    context: Any, site: tuple[str, GreetingEngine, WebChannel]
) -> None:
    url, engine, channel = site
    await context.route(POLLS, lambda route: route.abort())  # the page's polls never return
    page = await opened(context, url)
    log = page.locator("#log")
    await channel.send(engine.chat_id, [Reply(PING)])  # kept in the history and still queued
    await context.unroute(POLLS)

    async with page.expect_response(lambda r: "/updates" in r.url):  # it brings PING again
        await page.reload()
    await log.get_by_text(PING).wait_for()
    await asyncio.sleep(0.5)
    assert await log.get_by_text(PING).count() == 1

    await channel.send(engine.chat_id, [Reply(ACCEPTED)])  # shown live, then acknowledged
    await log.get_by_text(ACCEPTED).wait_for()
    await page.reload()
    await log.get_by_text(ACCEPTED).wait_for()
    await asyncio.sleep(1)
    assert await log.get_by_text(PING).count() == 1
    assert await log.get_by_text(ACCEPTED).count() == 1
    assert page.errors == []
