"""Corrections of a contact or delivery field at any step: "sửa số điện thoại", "đổi tên"."""

from __future__ import annotations

import re

from bot.core.nlu import Parse
from bot.core.turn import Outcome, Turn
from bot.handlers.checkout.ask import ask_next
from bot.handlers.checkout.draft import HOME, Draft
from bot.handlers.checkout.slots import is_address, is_name, read_phone
from catalog.orders.validation import ADDRESS_CHARS, NAME_CHARS
from catalog.text import fold

FIX_CUES = (
    "sua", "doi", "thay", "nham", "sai", "change", "edit", "fix", "update", "wrong",
    "correct", "khac",
)  # fmt: skip
# Checked in this order: "số điện thoại người nhận" is about the phone.
FIELD_CUES = (
    ("phone", ("so dien thoai", "sdt", "so dt", "dien thoai", "phone", "number")),
    ("address", ("dia chi", "address")),
    ("name", ("ten", "nguoi nhan", "name", "recipient")),
    ("delivery", ("cach nhan", "nhan hang", "cach giao", "delivery", "pick up", "pickup")),
    ("note", ("ghi chu", "loi nhan", "note")),
)
# What follows one of these is the new value: "đổi tên thành Trần Bình", "change it to …".
_VALUE = re.compile(r"(?:\bthành\b|\bthanh\b|\bto\b|\blà\b|\bla\b|:)\s*(.+)$", re.IGNORECASE)
_PHONE_RUN = re.compile(r"\+?\d[\d\s.\-]{7,}\d")


def field_to_fix(folded: str, parse: Parse | None) -> str | None:
    """The contact or delivery field the message asks to change, or None."""
    padded = f" {folded} "
    if not any(f" {verb} " in padded for verb in FIX_CUES):
        return None
    for field, cues in FIELD_CUES:
        if any(f" {cue} " in padded for cue in cues):
            if field == "phone" and parse is not None and parse.values("unit"):
                return None  # "change the number of bottles"
            return field
    return None


def _new_value(text: str) -> str | None:
    match = _VALUE.search(text)
    return " ".join(match.group(1).split()) if match else None


async def fix_field(turn: Turn) -> Outcome:
    """Forgets the field the person wants to change, takes a new value if given, asks again."""
    draft = Draft.load(turn.memory) or Draft()
    text = turn.msg.text or ""
    field = field_to_fix(fold(text), turn.parse) or "name"
    value = _new_value(text)
    if field == "phone":
        found = _PHONE_RUN.search(text)
        draft.phone = read_phone(found.group()) if found else None
    elif field == "name":
        draft.name = value[:NAME_CHARS] if value and is_name(value, None) else None
    elif field == "address":
        address = value if value and is_address(value, None) else None
        draft.delivery, draft.address = HOME, address[:ADDRESS_CHARS] if address else None
        draft.place_id = None
    elif field == "delivery":
        draft.delivery = draft.address = draft.place_id = None
    else:
        draft.note, draft.note_asked = None, False
    done = {"phone": draft.phone, "name": draft.name, "address": draft.address}.get(field)
    key = "convo.fix.done" if done else "convo.fix.asking"
    return await ask_next(turn, draft, turn.say(key, field=turn.t(f"convo.field.{field}")))
