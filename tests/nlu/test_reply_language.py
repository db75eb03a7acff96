"""The reply language over a labelled set of messages, through the real NLU.

Each block of reply_language.yml is a chat in one language and what people type next; the
bot must answer each in the labelled language (names, "ok thanks" and "the Newstar one"
keep an English chat English; unaccented Vietnamese and teencode switch it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.language import choose_language
from bot.core.nlu import Parse
from bot.core.state import Conversation

BLOCKS = yaml.safe_load((Path(__file__).parent / "reply_language.yml").read_text("utf-8"))


def test_every_labelled_message_is_text() -> None:
    """YAML reads a bare yes or no as a boolean: such a message must be quoted."""
    assert all(isinstance(text, str) for block in BLOCKS for text in block["texts"])


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{b['chat']}->{b['reply']}" for b in BLOCKS])
def test_every_labelled_message_is_answered_in_its_language(
    parse: Callable[[str], dict[str, Any]], block: dict[str, Any]
) -> None:
    wrong = [
        text
        for text in block["texts"]
        if choose_language(
            Conversation(lang=block["chat"]), Parse.from_rasa(text, parse(text)), None, "vi"
        )
        != block["reply"]
    ]
    assert wrong == [], f"{len(wrong)} of {len(block['texts'])} answered in the wrong language"
