"""Looking around in the middle of an order: a list shown beside it, and a pick from that list.

"cho mình xem các loại nước mắm OCOP với" at "how many?" asks to see the fish sauces, however
unsure the classifier is; "cái thứ 2" after that list means its second one, whose card is
shown before the pending question is asked again. Only the "which product?" step reads a
pick as the product of the order: that question asked for one.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.messages import Reply
from bot.core.nlu import Entity
from bot.core.options import ordinal_number
from bot.core.turn import Turn
from bot.handlers.checkout.draft import PRODUCT, Draft
from catalog.text import fold

# Folded words that ask to be shown things rather than answer a question of the order.
SHOW_CUES = (
    "cho minh xem", "cho em xem", "cho toi xem", "cho xem", "xem cac", "xem nhung", "xem giup",
    "xem thu", "cac loai", "nhung loai", "show me", "let me see", "kinds of", "types of",
    "list of", "list the", "list all",
)  # fmt: skip
# Payloads of a list's product buttons ("p:info:<id>"), the way searches and choices show them.
LISTED = ("p:info:", "p:price:")


def asks_to_see(text: str) -> bool:
    """True for "cho mình xem các loại …", "show me the kinds of …": a request to be shown."""
    padded = f" {fold(text)} "
    return any(f" {cue} " in padded for cue in SHOW_CUES)


def listed_products(replies: list[Reply]) -> list[str]:
    """The product ids a reply lists, in the order shown; none for one product's card."""
    ids = [
        button.payload.split(":", 2)[2]
        for reply in replies
        for button in reply.buttons
        if button.payload.startswith(LISTED)
    ]
    return ids if len(ids) > 1 else []


def remember_list(turn: Turn, replies: list[Reply]) -> None:
    """Keeps the products an answer beside the order listed, for "cái thứ 2" to pick from."""
    draft = Draft.load(turn.memory)
    listed = listed_products(replies)
    if draft is not None and listed:
        draft.shown = listed
        draft.save(turn.memory)


def read_pick_from_list(turn: Turn) -> bool:
    """Reads "cái thứ 2" / "the second one" after such a list as a question about that product.

    Returns:
        True when the message picked from the list (the parse is then a product question).
    """
    draft = Draft.load(turn.memory)
    parse = turn.parse
    if parse is None or draft is None or not draft.shown or turn.conv.step == PRODUCT:
        return False
    number = ordinal_number(turn.msg.text)
    if number is None or not 1 <= number <= len(draft.shown) or parse.values("quantity"):
        return False  # "lấy 3 chai loại thứ 2" says how many too: an answer to the order
    picked = Entity("product", draft.shown[number - 1], 0, len(parse.text))
    turn.parse = replace(
        parse, intent="product_info", confidence=1.0, entities=(picked,), guess=parse.intent
    )
    return True
