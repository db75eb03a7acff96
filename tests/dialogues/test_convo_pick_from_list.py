"""After products are offered as buttons, the person may type which one instead of pressing:
its name ("the Newstar one", "loai cai rong") or its place ("the second one", "cái thứ 2")."""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import Dialogue, ids, play

ASK_AGAIN_EN = "~Do you want to ask about products"
ASK_AGAIN_VI = "~Bạn muốn hỏi về sản phẩm"
NEWSTAR_CARD = "Newstar LLC"
CAI_RONG_CARD = "Công ty CP Nước mắm Cái Rồng"
WHICH_VI = "Bạn hỏi sản phẩm nào"

DIALOGUES = [
    Dialogue(
        "which one? 'cái thứ 2' picks the second button",
        [
            ("nước mắm", WHICH_VI),
            ("cái thứ 2", "Nước mắm Cô Tô", ASK_AGAIN_VI, "~" + WHICH_VI),
        ],
    ),
    Dialogue(
        "which one? 'the second one' picks the second button",
        [
            ("nước mắm", WHICH_VI),
            ("the second one", "Cô Tô", ASK_AGAIN_EN, ASK_AGAIN_VI),
        ],
    ),
    Dialogue(
        "which price? 'loại thứ ba nhé' answers the price of the third",
        [
            ("giá nước mắm bao nhiêu vậy shop", WHICH_VI),
            ("loại thứ ba nhé", "Newstar", "Giá", ASK_AGAIN_VI),
        ],
    ),
    Dialogue(
        "English list: 'the Newstar one' opens the Newstar card",
        [
            ("tell me about fish sauce", "Newstar fish sauce"),
            ("the Newstar one", NEWSTAR_CARD, ASK_AGAIN_EN, "~" + CAI_RONG_CARD),
        ],
    ),
    Dialogue(
        "English list: 'the second one' opens the second card",
        [
            ("tell me about fish sauce", "Newstar fish sauce"),
            ("the second one", "Cô Tô", ASK_AGAIN_EN),
        ],
    ),
    Dialogue(
        "English list, chatty question: 'first please' opens the first card",
        [
            (
                "hi! we are visiting for a few days and my mum loves cooking, "
                "what kinds of fish sauce do you have?",
                "Newstar fish sauce",
            ),
            ("first please", CAI_RONG_CARD, ASK_AGAIN_EN),
        ],
    ),
    Dialogue(
        "Vietnamese list: 'loai cai rong' opens Cái Rồng's card",
        [
            ("có những loại nước mắm nào", "Nước mắm (Newstar)"),
            ("loai cai rong", CAI_RONG_CARD, ASK_AGAIN_VI, "~" + NEWSTAR_CARD),
        ],
    ),
    Dialogue(
        "'nước mắm là gì' shows one card and the others: 'cái Newstar' opens that one",
        [
            ("nước mắm là gì", CAI_RONG_CARD, "Nước mắm (Newstar)"),
            ("cái Newstar", NEWSTAR_CARD, ASK_AGAIN_VI),
        ],
    ),
    Dialogue(
        "a list is not a trap: a place after it still asks about that place",
        [
            ("tell me about fish sauce", "Newstar fish sauce"),
            ("what about Co To?", "Found 1", "~" + NEWSTAR_CARD, "~" + CAI_RONG_CARD),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_a_typed_choice_picks_like_its_button(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)
