"""English thanks to "shop" or "ad" are a Vietnamese person's loan phrase; to no one, English."""

from __future__ import annotations

import pytest

from nlu.normalize import normalize
from nlu.pleasantries import loan_pleasantries
from nlu.teencode import expand
from nlu.tokens import tokenize


def loaned(text: str) -> list[str]:
    """The words of a message that are loaned pleasantries, in order."""
    tokens = expand(tokenize(normalize(text)))
    return [tokens[index].fold for index in sorted(loan_pleasantries(tokens))]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("thank you shop", ["thank", "you"]),
        ("Thank you so much shop!", ["thank", "you", "so", "much"]),
        ("ok thanks shop", ["ok", "thanks"]),
        ("thanks a lot ad", ["thanks", "a", "lot"]),
        ("tks ad oi", ["thanks"]),
        ("hello shop, thank you", ["hello", "thank", "you"]),
        ("thank you so much", []),  # thanks to no one: English
        ("thanks, the shop was great", []),  # "the shop" is a noun
        ("ok, which shop sells tea near Bai Chay", []),
        ("hi, shop near my hotel?", []),
        ("hí shop", []),  # an accented "hí" is Vietnamese, no "hi"
    ],
)
def test_pleasantries_are_loanwords_only_when_the_message_calls_the_shop(
    text: str, words: list[str]
) -> None:
    assert loaned(text) == words
