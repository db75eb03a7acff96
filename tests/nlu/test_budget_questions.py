"""A budget and "what can I get" is a product search, not a question about the bot."""

from __future__ import annotations

import pytest

from nlu import Interpreter


@pytest.mark.parametrize(
    "text",
    [
        "budget of about 400k, what can I get",
        "budget of about 400k, what can I get đó shop",
        "dạ cho em hỏi ngân sách 1 củ thì mua được những gì ad nhé",
    ],
)
def test_a_budget_question_searches_products(interpreter: Interpreter, text: str) -> None:
    parse = interpreter.parse(text)
    assert parse["intent"]["name"] == "product_search"
    assert any(e["entity"] == "price_max" for e in parse["entities"])


def test_not_understanding_is_still_help(interpreter: Interpreter) -> None:
    assert interpreter.parse("I don't understand")["intent"]["name"] == "help"
