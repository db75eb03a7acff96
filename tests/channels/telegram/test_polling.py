"""Polling end to end: the real aiogram client against the fake Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.channels.telegram import TelegramChannel
from bot.core.messages import GeoPoint, IncomingMessage, LocationCard, Reply
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.updates import Updates

MakeChannel = Callable[..., Awaitable[TelegramChannel]]


async def test_start_clears_the_webhook_and_publishes_commands_in_two_languages(
    fake_api: FakeBotAPI, make_channel: MakeChannel
) -> None:
    await make_channel(FakeEngine())
    await fake_api.wait_for("getUpdates")
    assert fake_api.ok_calls("deleteWebhook")
    menus = {
        c.params.get("language_code"): c.params["commands"]
        for c in fake_api.calls
        if c.method == "setMyCommands"
    }
    assert set(menus) == {None, "vi", "en"}
    for menu in menus.values():
        assert [c["command"] for c in menu] == ["start", "help", "orders", "lang", "link"]
    assert menus["vi"] != menus["en"]


async def test_a_text_is_answered_in_html_with_everything_escaped(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    engine = FakeEngine(lambda m: [Reply(f"<b>Trà</b> & {m.text}")])
    await make_channel(engine)
    fake_api.push_update(updates.text(1001, "mật ong <script>", language="en"))
    [sent] = await fake_api.wait_for("sendMessage")
    assert sent.params["text"] == "&lt;b&gt;Trà&lt;/b&gt; &amp; mật ong &lt;script&gt;"
    assert sent.params["parse_mode"] == "HTML"
    [msg] = engine.received
    assert (msg.channel, msg.chat_id, msg.user_id) == ("telegram", "1001", "1001")
    assert msg.language_hint == "en" and msg.text == "mật ong <script>"


async def test_a_shared_location_gets_venues_and_the_near_me_button(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    def script(msg: IncomingMessage) -> list[Reply]:
        if msg.location is None:
            return [Reply("Bạn đang ở đâu?", request_location=True)]
        card = LocationCard(21.0064, 107.2925, "Trung tâm OCOP Hạ Long", "Bãi Cháy")
        return [Reply("Gần bạn nhất:", location=card)]

    engine = FakeEngine(script)
    await make_channel(engine)
    fake_api.push_update(updates.text(1001, "cửa hàng gần đây"))
    [ask] = await fake_api.wait_for("sendMessage")
    [[button]] = ask.params["reply_markup"]["keyboard"]
    assert button["request_location"] is True and "📍" in button["text"]

    fake_api.push_update(updates.location(1001, 20.95, 107.07))
    [venue] = await fake_api.wait_for("sendVenue")
    assert engine.received[-1].location == GeoPoint(20.95, 107.07)
    assert venue.params["title"] == "Trung tâm OCOP Hạ Long"
    assert float(venue.params["latitude"]) == 21.0064


async def test_a_shared_contact_fills_the_phone(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    engine = FakeEngine()
    await make_channel(engine)
    fake_api.push_update(updates.contact(1001, "+84912345678"))
    await fake_api.wait_for("sendMessage")
    assert engine.received[0].contact_phone == "+84912345678"
    assert engine.received[0].text is None


async def test_in_a_group_the_bot_answers_only_when_addressed_or_commanded(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    engine = FakeEngine()
    channel = await make_channel(engine)
    group = -100200
    for text in [
        "chào cả nhà",
        "/help@other_bot",
        "@ocop_test_bot giá mực khô",
        "/help@ocop_test_bot",
    ]:
        fake_api.push_update(updates.text(group, text, user_id=7))
    last = updates.location(group, 20.9, 107.1, user_id=7)
    fake_api.push_update(last)
    await fake_api.wait_confirmed(last["update_id"])
    await channel.feeder.drain()
    assert [m.text for m in engine.received] == ["giá mực khô", "/help"]
    assert {m.chat_id for m in engine.received} == {str(group)}
    assert {m.user_id for m in engine.received} == {"7"}


async def test_a_slow_answer_shows_typing_first(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    class SlowEngine(FakeEngine):
        async def handle(self, msg: IncomingMessage) -> list[Reply]:
            await asyncio.sleep(0.7)
            return await super().handle(msg)

    await make_channel(SlowEngine())
    fake_api.push_update(updates.text(1001, "/link ABC123"))
    await fake_api.wait_for("sendMessage")
    calls = [(c.method, c.params.get("action")) for c in fake_api.calls if c.chat_id == "1001"]
    assert calls == [("sendChatAction", "typing"), ("sendMessage", None)]
    assert fake_api.texts(1001) == ["echo /link ABC123"]
