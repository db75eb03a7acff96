"""What each checkout slot accepts: a name, a phone, an address, a note, a delivery choice.

A slot stores only what fits it. "à không, 3 chai thôi" is not a name, "giá bao nhiêu?" is
not an address; such messages are read as corrections or new requests instead.
"""

from __future__ import annotations

import re

from bot.core.nlu import Parse
from bot.core.options import ordinal_number
from bot.handlers.checkout.draft import (
    ADDRESS,
    CONFIRM,
    DELIVERY,
    NAME,
    NOTE,
    PHONE,
    PICKUP,
    PRODUCT,
    QUANTITY,
)
from catalog.text import fold

# Intents whose words are never a name ("cảm ơn", "xin chào", "có", "không").
NOT_A_NAME_INTENTS = ("greet", "thanks", "goodbye", "affirm", "deny", "help", "order_status")
NAME_WORDS = (1, 7)
# Folded words that an address usually has; a digit or a known place counts too.
ADDRESS_CUES = (
    "so", "duong", "pho", "phuong", "xa", "thon", "to", "khu", "ngo", "ngach", "hem", "kiet",
    "huyen", "quan", "tp", "thanh pho", "thi xa", "thi tran", "tinh", "ban", "xom", "ap",
    "street", "st", "road", "rd", "ward", "district", "city", "lane", "alley", "village",
    "commune", "province", "apartment", "building", "toa", "chung cu", "khach san", "hotel",
)  # fmt: skip
MIN_ADDRESS_WORDS = 3
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_PHONE = re.compile(r"^(?:0|84)(?:[35789]\d{8}|2\d{9})$")


def read_phone(text: str | None) -> str | None:
    """A Vietnamese mobile (03/05/07/08/09) or landline (02x) number as 0xxxxxxxxx, or None."""
    digits = re.sub(r"[\s.\-()]", "", text or "").lstrip("+")
    if not digits.isdigit() or not _PHONE.match(digits):
        return None
    return "0" + digits[2:] if digits.startswith("84") else digits


def words(text: str) -> list[str]:
    return fold(text).split()


def is_name(text: str, parse: Parse | None) -> bool:
    """A person's name: letters only, 1-7 words, not a quantity, product or other request."""
    text = " ".join(text.split())
    if not text or any(ch.isdigit() for ch in text) or not _HAS_LETTER.search(text):
        return False
    if not NAME_WORDS[0] <= len(text.split()) <= NAME_WORDS[1] or text.rstrip().endswith("?"):
        return False
    if ordinal_number(text) is not None:  # "the second one" picks, it names no one
        return False
    if parse is None:
        return True
    kinds = {e.entity for e in parse.entities}
    if kinds & {"product", "quantity", "unit", "category", "price_max", "price_min", "stars"}:
        return False
    confident = parse.confidence >= 0.7 or parse.guess in NOT_A_NAME_INTENTS
    intent = parse.guess or parse.intent
    return not (confident and intent in NOT_A_NAME_INTENTS)


def is_address(text: str, parse: Parse | None) -> bool:
    """An address: a digit, an address word or a known place, and at least three words."""
    folded = f" {fold(text)} "
    if len(folded.split()) < MIN_ADDRESS_WORDS or text.rstrip().endswith("?"):
        return False
    if parse is not None and parse.values("product"):
        return False
    if any(ch.isdigit() for ch in text):
        return True
    if parse is not None and parse.values("location"):
        return True
    return any(f" {word} " in folded for word in ADDRESS_CUES)


def fits(step: str, text: str, parse: Parse | None, contact_phone: str | None) -> bool:
    """True when the message can be the answer to the question of `step`."""
    if step == NAME:
        return is_name(text, parse)
    if step == PHONE:
        return bool(contact_phone or read_phone(text))
    if step == ADDRESS:
        return is_address(text, parse)
    if step == QUANTITY:
        return any(ch.isdigit() for ch in text) or bool(parse and parse.values("quantity"))
    if step == PRODUCT:
        return bool(parse and (parse.values("product") or parse.values("category")))
    if step in (DELIVERY, PICKUP, CONFIRM):
        return len(words(text)) <= 6 or is_address(text, parse)
    return step == NOTE
