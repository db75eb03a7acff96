"""Inline buttons end to end: callback data, answers, paging by editing in place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.channels.telegram import TelegramChannel
from bot.core.messages import Button, IncomingMessage, Reply
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.updates import Updates

MakeChannel = Callable[..., Awaitable[TelegramChannel]]


async def test_a_tourist_browses_with_buttons_and_pages_in_place(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    def script(msg: IncomingMessage) -> list[Reply]:
        if msg.payload == "p:page:2":
            return [Reply("Trang 2: Mực khô", (Button("‹ 1", "p:page:1"),), replace_previous=True)]
        if msg.payload:
            return [Reply(f"Chi tiết {msg.payload}")]
        buttons = (Button("Trà hoa vàng", "p:info:tra-hoa-vang"), Button("2 ›", "p:page:2"))
        return [Reply("Trang 1: Trà hoa vàng", buttons)]

    engine = FakeEngine(script)
    await make_channel(engine)
    fake_api.push_update(updates.text(1001, "đặc sản Quảng Ninh"))
    [first] = await fake_api.wait_for("sendMessage")
    rows = first.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in rows] == ["p:info:tra-hoa-vang", "p:page:2"]

    fake_api.push_update(updates.callback(1001, "p:page:2", message_id=1001))
    [edit] = await fake_api.wait_for("editMessageText")
    assert edit.params["message_id"] == "1001" and edit.params["text"] == "Trang 2: Mực khô"
    assert len(fake_api.ok_calls("sendMessage")) == 1

    fake_api.push_update(updates.callback(1001, "p:info:tra-hoa-vang", message_id=1001))
    await fake_api.wait_for("sendMessage", 2)
    assert fake_api.texts(1001)[-1] == "Chi tiết p:info:tra-hoa-vang"
    assert len(fake_api.ok_calls("answerCallbackQuery")) == 2
    assert [m.payload for m in engine.received[1:]] == ["p:page:2", "p:info:tra-hoa-vang"]


async def test_an_overlong_payload_rides_on_a_short_id_and_an_unknown_one_has_expired(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    long_payload = "p:info:" + "x" * 70
    engine = FakeEngine(lambda m: [Reply("menu", (Button("X", long_payload),))])
    channel = await make_channel(engine)
    fake_api.push_update(updates.text(1001, "menu"))
    [sent] = await fake_api.wait_for("sendMessage")
    data = sent.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert len(data.encode()) <= 64

    fake_api.push_update(updates.callback(1001, data, message_id=1001))
    expired = updates.callback(1001, "~dead", message_id=1001, language="en")
    fake_api.push_update(expired)
    await fake_api.wait_confirmed(expired["update_id"])
    await channel.feeder.drain()
    answers = fake_api.ok_calls("answerCallbackQuery")
    assert engine.received[-1].payload == long_payload
    assert len(engine.received) == 2
    assert answers[1].params["show_alert"] == "true"
    assert "expired" in answers[1].params["text"]


@pytest.mark.parametrize(
    ("description", "new_messages"),
    [
        ("Bad Request: message is not modified: specified new message content is the same", 0),
        ("Bad Request: message can't be edited", 1),
    ],
)
async def test_paging_when_telegram_refuses_the_edit(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    updates: Updates,
    description: str,
    new_messages: int,
) -> None:
    engine = FakeEngine(lambda m: [Reply("Trang 2", replace_previous=True)])
    channel = await make_channel(engine)
    fake_api.fail("editMessageText", times=1, status=400, description=description)
    update = updates.callback(1001, "p:page:2", message_id=77)
    fake_api.push_update(update)
    await fake_api.wait_confirmed(update["update_id"])
    await channel.feeder.drain()
    assert [c.status for c in fake_api.calls if c.method == "editMessageText"] == [400]
    assert len(fake_api.ok_calls("sendMessage")) == new_messages
