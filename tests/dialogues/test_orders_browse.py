"""Looking around in the middle of an order: "cho mình xem các loại nước mắm OCOP với" shows
the fish sauces and the order goes on; "cái thứ 2" after that list opens the second one's
card. Only when the order itself asked "which fish sauce?" does the pick go into the order.
"""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import Dialogue, ids, play

SHOW_FISH_SAUCES_VI = "cho mình xem các loại nước mắm OCOP với"
FISH_SAUCE_LIST_VI = ("1. Nước mắm Cái Rồng", "2. Nước mắm Cô Tô", "3. Nước mắm (Newstar)")
CO_TO_CARD = ("🏷 Nước mắm Cô Tô", "Cơ sở sản xuất nước mắm ông Nguyễn Đăng Lương")
NEWSTAR_CARD = ("🏷 Nước mắm (Newstar)", "Newstar")
HOW_MANY_CAI_RONG = "Bạn lấy bao nhiêu sản phẩm Nước mắm Cái Rồng"
ASK_NAME_VI = "tên người nhận"
ASK_PHONE_VI = "Số điện thoại"
BAD_QUANTITY = "~phải từ 1 đến 100"
BAD_NAME = "~chỉ chữ, không có số"

DIALOGUES = [
    Dialogue("at 'how many?': the list, then the second one's card, then the quantity", [
        ("cho mình đặt nước mắm Cái Rồng", HOW_MANY_CAI_RONG),
        (SHOW_FISH_SAUCES_VI, *FISH_SAUCE_LIST_VI, HOW_MANY_CAI_RONG, BAD_QUANTITY),
        ("cái thứ 2", *CO_TO_CARD, HOW_MANY_CAI_RONG, "~" + ASK_NAME_VI),
        ("còn cái thứ 3 thì sao", *NEWSTAR_CARD, HOW_MANY_CAI_RONG, "~" + ASK_NAME_VI),
        ("3 chai", ASK_NAME_VI),
    ]),
    Dialogue("at 'how many?': a bare number after the list is still the quantity", [
        ("cho mình đặt nước mắm Cái Rồng", HOW_MANY_CAI_RONG),
        (SHOW_FISH_SAUCES_VI, *FISH_SAUCE_LIST_VI, HOW_MANY_CAI_RONG),
        ("2", ASK_NAME_VI, "~🏷"),
    ]),
    Dialogue("at 'what name?': the list, then the third one's card, then the name", [
        ("cho mình 2 chai nước mắm Cái Rồng", ASK_NAME_VI),
        (SHOW_FISH_SAUCES_VI, *FISH_SAUCE_LIST_VI, ASK_NAME_VI, BAD_NAME),
        ("loại thứ ba nhé", *NEWSTAR_CARD, ASK_NAME_VI, BAD_NAME, "~" + ASK_PHONE_VI),
        ("Nguyễn Văn An", ASK_PHONE_VI),
    ]),
    Dialogue("at 'what phone?', unaccented: the list, then the second one's card", [
        ("cho minh 2 chai nuoc mam cai rong", ASK_NAME_VI),
        ("Nguyen Van An", ASK_PHONE_VI),
        ("cho minh xem cac loai nuoc mam ocop voi", *FISH_SAUCE_LIST_VI, ASK_PHONE_VI,
         "~Số điện thoại chưa đúng"),
        ("cai thu 2", *CO_TO_CARD, ASK_PHONE_VI, "~Số điện thoại chưa đúng"),
        ("0912 345 678", "giao tận nơi"),
    ]),
    Dialogue("English, at 'what name?': the list, then the second one's card, then the name", [
        ("I want 2 bottles of Cai Rong fish sauce", "What name"),
        ("show me the kinds of fish sauce", "1. Cái Rồng fish sauce", "2. Cô Tô fish sauce",
         "What name"),
        ("the second one", "Cô Tô fish sauce", "Nguyễn Đăng Lương", "What name",
         "~phone number"),
        ("John Smith", "phone number"),
    ]),
    # Judged right as it was: the order asked which fish sauce, so the pick is for the order.
    Dialogue("at 'which fish sauce?': the pick goes into the order", [
        ("mua nước mắm", "chọn giúp mình một"),
        (SHOW_FISH_SAUCES_VI, "Nước mắm Cô Tô", "chọn giúp mình một"),
        ("cái thứ 2", "Bạn lấy bao nhiêu sản phẩm Nước mắm Cô Tô", "~🏷"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_looking_around_mid_order(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)


async def test_an_ordinal_with_no_list_beside_the_order_is_no_quantity(bot: Bot) -> None:
    """ "cái thứ 2" at "how many?" with nothing listed is asked again, not read as 2."""
    await play(bot.chat(), [
        ("cho mình đặt nước mắm Cái Rồng", HOW_MANY_CAI_RONG),
        ("cái thứ 2", HOW_MANY_CAI_RONG, "~" + ASK_NAME_VI),
        ("2", ASK_NAME_VI),
        ("the second one", ASK_NAME_VI, "~" + ASK_PHONE_VI),
    ])  # fmt: skip
