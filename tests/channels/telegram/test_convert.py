"""Update -> IncomingMessage conversion rules that need no server."""

from __future__ import annotations

import pytest
from aiogram.types import Update

from bot.channels.telegram.convert import (
    BotIdentity,
    from_message,
    normalize_command,
    strip_mention,
)
from tests.channels.telegram.updates import Updates

ME = BotIdentity(123456, "ocop_test_bot")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", "/start"),
        ("/START@Ocop_Test_Bot", "/start"),
        ("/link ABC123", "/link ABC123"),
        ("/link@ocop_test_bot ABC123", "/link ABC123"),
        ("/help@other_bot", None),
        ("/", "/"),
    ],
)
def test_commands_lose_the_bot_name(text: str, expected: str | None) -> None:
    assert normalize_command(text, ME) == expected


def test_message_id_is_the_update_id_so_the_engine_dedups_repeats() -> None:
    raw = Updates(first_update_id=77).text(1001, "chào", language="en")
    update = Update.model_validate(raw)
    assert update.message is not None
    msg = from_message(update.update_id, update.message, ME)
    assert msg is not None
    assert (msg.message_id, msg.chat_id, msg.user_id, msg.language_hint) == (
        "77",
        "1001",
        "1001",
        "en",
    )


def test_a_reply_to_the_bot_in_a_group_is_addressed_to_it() -> None:
    raw = Updates().text(-100, "còn hàng không?", user_id=5)
    raw["message"]["reply_to_message"] = {
        "message_id": 9,
        "date": 0,
        "chat": raw["message"]["chat"],
        "from": {"id": ME.id, "is_bot": True, "first_name": "OCOP"},
        "text": "Mực khô 1kg",
    }
    update = Update.model_validate(raw)
    assert update.message is not None
    msg = from_message(update.update_id, update.message, ME)
    assert msg is not None and msg.text == "còn hàng không?" and msg.user_id == "5"


def test_a_mention_is_removed_without_losing_line_breaks() -> None:
    assert strip_mention("@OCOP_test_bot  giá\nmực khô", ME) == ("giá\nmực khô", True)
    assert strip_mention("giá @other", ME) == ("giá @other", False)
    assert strip_mention("giá @other", BotIdentity(0, "")) == ("giá @other", False)
