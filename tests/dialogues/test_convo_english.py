"""English ordering is as good as Vietnamese: which-one buttons keep the quantity, the whole
checkout answers in English, and corrections work at every step."""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import (
    EN_TO_ADDRESS,
    EN_TO_CONFIRM,
    EN_TO_DELIVERY,
    EN_TO_NAME,
    EN_TO_NOTE,
    EN_TO_PHONE,
    Dialogue,
    ids,
    play,
)

CHANGED = "Quantity changed"

DIALOGUES = [
    Dialogue(
        "a kind with a quantity asks which one and keeps the quantity",
        [
            (
                "I want to order 3 bottles of fish sauce",
                "Which one",
                "Cái Rồng fish sauce",
                "~pearls",
                "~noodles",
            ),
            ("[Cái Rồng]", "What name", "~How many"),
            ("John Smith", "phone number"),
            ("0912 345 678", "delivery"),
            ("[Delivery]", "delivery address"),
            ("12 Tran Hung Dao street, Ha Long", "note"),
            (
                "no",
                "Your order",
                "3 bottles Cái Rồng fish sauce",
                "John Smith",
                "Cash on delivery",
                "~Đơn hàng",
            ),
            ("[Confirm]", "Order", "Công ty CP Nước mắm Cái Rồng", "~Đặt hàng"),
        ],
    ),
    Dialogue(
        "the product typed by name after 'which one' keeps the quantity",
        [
            ("can I order 4 bottles of fish sauce?", "Which one"),
            ("the Newstar one", "What name", "~How many"),
            ("Mary Jane", "phone number"),
        ],
    ),
    Dialogue(
        "pick-up at a centre, all in English",
        [
            *EN_TO_DELIVERY,
            ("pick up", "Which OCOP centre"),
            ("Ha Long", "note"),
            ("none", "Your order", "Pick up at", "Pay at pick-up"),
        ],
    ),
    Dialogue(
        "name: 'actually make it 5' resizes and asks the name again",
        [
            *EN_TO_NAME,
            ("actually make it 5", CHANGED, "5 jars Oyster floss", "What name"),
        ],
    ),
    Dialogue(
        "name: 'hi there' is not a name",
        [
            *EN_TO_NAME,
            ("thanks", "recipient's name", "What name"),
        ],
    ),
    Dialogue(
        "phone: 'change the name to Mary Jane'",
        [
            *EN_TO_PHONE,
            ("change the name to Mary Jane", "I have changed the recipient's name", "phone"),
            ("0912345678", "delivery"),
        ],
    ),
    Dialogue(
        "phone: a wrong number is refused in English",
        [
            *EN_TO_PHONE,
            ("12345", "phone number"),
            ("+84 912 345 678", "delivery"),
        ],
    ),
    Dialogue(
        "delivery: 'change my phone number'",
        [
            *EN_TO_DELIVERY,
            ("change my phone number", "let's change the phone number", "phone number"),
            ("0987654321", "delivery"),
        ],
    ),
    Dialogue(
        "address: 'I don't know' is not an address",
        [
            *EN_TO_ADDRESS,
            ("I don't know", "not enough to deliver", "delivery address"),
            ("5 Le Loi street, Cam Pha", "note"),
        ],
    ),
    Dialogue(
        "note: 'make it 3 jars' is a correction, not a note",
        [
            *EN_TO_NOTE,
            ("make it 3 jars", CHANGED, "3 jars", "note"),
            ("please call before delivering", "Note: please call before delivering"),
        ],
    ),
    Dialogue(
        "summary: 'add 1 bottle of Cái Rồng fish sauce'",
        [
            *EN_TO_CONFIRM,
            (
                "add 1 bottle of Cái Rồng fish sauce",
                "Added to your cart",
                "Cái Rồng fish sauce",
                "Your order",
            ),
        ],
    ),
    Dialogue(
        "summary: 'remove the oyster floss' then the cart asks for a product",
        [
            *EN_TO_CONFIRM,
            ("remove the oyster floss", "removed Oyster floss", "Which product"),
        ],
    ),
    Dialogue(
        "summary: 'cancel' leaves, nothing sent",
        [
            *EN_TO_CONFIRM,
            ("cancel", "nothing was sent"),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_ordering_in_english(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)
