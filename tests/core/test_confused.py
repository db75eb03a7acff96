"""Confusion is never a cancel, whatever the classifier said; a real cancel stays one."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.core.nlu import Parse
from bot.handlers.confused import read_confusion


async def _read(text: str, intent: str = "order_cancel") -> str | None:
    turn = SimpleNamespace(parse=Parse(text=text, intent=intent, confidence=0.82))
    await read_confusion(turn)  # type: ignore[arg-type]
    return turn.parse.intent


@pytest.mark.parametrize(
    "text",
    [
        "I don't understand", "sorry I don't get it", "what do you mean?", "em không hiểu",
        "ko hieu gi het", "mình chưa hiểu lắm ạ", "sorry, I'm confused, what is this?",
    ],
)  # fmt: skip
async def test_confusion_read_as_cancel_becomes_help(text: str) -> None:
    assert await _read(text) == "help"


@pytest.mark.parametrize(
    "text",
    [
        "I don't understand, just cancel it", "em không hiểu, hủy đơn giúp em",
        "ko hieu gi, thoi khong mua nua", "I don't get it, I don't want it anymore",
        "cancel my order", "I changed my mind",
    ],
)  # fmt: skip
async def test_a_cancel_stays_a_cancel(text: str) -> None:
    assert await _read(text) == "order_cancel"


async def test_other_intents_are_left_alone() -> None:
    assert await _read("I don't understand the price", "product_price") == "product_price"
