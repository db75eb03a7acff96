"""Repeated and broken updates: skipped or ignored, never stopping the bot."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest

from bot.channels.telegram import TelegramChannel
from tests.channels.scripted_engine import FakeEngine
from tests.channels.telegram.engines import echo_engine
from tests.channels.telegram.fake_api import FakeBotAPI
from tests.channels.telegram.updates import Updates

MakeChannel = Callable[..., Awaitable[TelegramChannel]]


async def test_a_repeated_update_id_changes_nothing_the_second_time(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    async with echo_engine() as engine:
        channel = await make_channel(engine)
        update = updates.text(1001, "xin chào")
        fake_api.push_update(update)
        await fake_api.wait_for("sendMessage")
        # A restart during polling: a new channel gets the same update again.
        await channel.stop()
        fake_api.push_update(update)
        last = updates.text(1001, "tiếp")
        fake_api.push_update(last)
        channel = await make_channel(engine)
        await fake_api.wait_confirmed(last["update_id"])
        await channel.feeder.drain()
    assert fake_api.texts(1001) == ["echo xin chào", "echo tiếp"]


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(lambda u: u.sticker(1001), id="sticker"),
        pytest.param(lambda u: u.raw(future_update_kind={"x": 1}), id="unknown-type"),
        pytest.param(lambda u: u.raw(message={"message_id": 1, "text": "no chat"}), id="no-chat"),
        pytest.param(lambda u: u.raw(callback_query={"id": "1"}), id="no-from"),
        pytest.param(lambda u: u.text(1001, "a" * 50_000), id="huge"),
        pytest.param(lambda u: u.raw(), id="empty"),
    ],
)
async def test_a_bad_update_is_logged_and_skipped(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    updates: Updates,
    broken: Callable[[Updates], dict[str, object]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine = FakeEngine()
    await make_channel(engine)
    with caplog.at_level(logging.DEBUG, logger="bot.channels.telegram"):
        fake_api.push_update(broken(updates))
        fake_api.push_update(updates.text(1001, "vẫn sống"))
        await fake_api.wait_for("sendMessage")
    assert [m.text for m in engine.received] == ["vẫn sống"]
    assert fake_api.texts(1001) == ["echo vẫn sống"]
    assert any("skipped" in record.getMessage() for record in caplog.records)


async def test_polling_survives_server_errors_and_dropped_connections(
    fake_api: FakeBotAPI,
    make_channel: MakeChannel,
    updates: Updates,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_api.fail("getUpdates", times=1, status=502)
    fake_api.fail("getUpdates", times=1, status=0)
    fake_api.fail("getUpdates", times=1, status=429, retry_after=1)
    engine = FakeEngine()
    await make_channel(engine)
    fake_api.push_update(updates.text(1001, "alo"))
    await fake_api.wait_for("sendMessage", timeout=15)
    assert [f.times for f in fake_api.faults] == [0, 0, 0]
    assert "getUpdates failed" in caplog.text
    assert fake_api.token.split(":")[1] not in caplog.text


async def test_private_chats_are_answered_while_getme_fails(
    fake_api: FakeBotAPI, make_channel: MakeChannel, updates: Updates
) -> None:
    fake_api.fail("getMe", times=2, status=401)
    engine = FakeEngine()
    await make_channel(engine)
    fake_api.push_update(updates.text(1001, "chào\n@ai đó"))
    await fake_api.wait_for("sendMessage")
    assert engine.received[0].text == "chào\n@ai đó"
