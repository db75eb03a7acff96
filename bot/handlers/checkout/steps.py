"""The checkout's contact and delivery questions: name, phone, delivery, address, note."""

from __future__ import annotations

from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.checkout.ask import ask_next
from bot.handlers.checkout.cart import current_draft
from bot.handlers.checkout.draft import HOME, PICK_UP
from bot.handlers.checkout.slots import is_address, is_name, read_phone
from bot.handlers.context import catalog
from catalog.orders.validation import ADDRESS_CHARS, NAME_CHARS, NOTE_CHARS
from catalog.text import fold

PICKUP_CUES = ("nhan tai", "lay tai", "den lay", "toi lay", "tu lay", "pick up", "pickup",
               "collect", "trung tam")  # fmt: skip
HOME_CUES = ("giao", "ship", "deliver", "tan nha", "home", "dia chi")
NO_NOTE_CUES = ("khong", "ko", "k", "khong co", "no", "none", "nope", "skip", "bo qua")
MAX_CHOICE_WORDS = 5  # "giao tận nhà giúp mình" is a choice; an address is longer or has digits


def _text(turn: Turn, limit: int) -> str:
    return " ".join((turn.msg.text or "").split())[:limit]


async def take_name(turn: Turn) -> Outcome:
    """Takes the typed text as the recipient's name."""
    draft = current_draft(turn)
    if not is_name(turn.msg.text or "", turn.parse):
        return await ask_next(turn, draft, turn.say("convo.bad_name"))
    draft.name = _text(turn, NAME_CHARS) or None
    return await ask_next(turn, draft)


async def take_phone(turn: Turn) -> Outcome:
    """Takes a valid Vietnamese phone number; anything else is asked again."""
    draft = current_draft(turn)
    phone = read_phone(turn.msg.contact_phone or turn.msg.text)
    if phone is None:
        return await ask_next(turn, draft, turn.say("checkout.bad_phone"))
    draft.phone = phone
    return await ask_next(turn, draft)


async def use_saved(turn: Turn) -> Outcome:
    """Uses the name, phone or address given in an earlier order (`ck:name|phone|dlv:saved`)."""
    draft, saved = current_draft(turn), turn.memory.contact
    field = turn.payload.route.split(":")[1] if turn.payload else ""
    if field == "name":
        draft.name = saved.get("name") or None
    elif field == "phone":
        draft.phone = saved.get("phone") or None
    elif saved.get("address"):
        draft.delivery, draft.address = HOME, saved["address"]
    return await ask_next(turn, draft)


async def choose_delivery(turn: Turn) -> Outcome:
    """Reads the pressed delivery button: home delivery or pick-up."""
    arg = turn.payload.arg if turn.payload else None
    if arg == "saved":
        return await use_saved(turn)
    draft = current_draft(turn)
    draft.delivery = PICK_UP if arg == "pickup" else HOME
    draft.address = draft.place_id = None
    return await ask_next(turn, draft)


async def take_delivery(turn: Turn) -> Outcome:
    """Reads a typed choice: pick-up, delivery, "yes" to the old address, or an address."""
    draft, saved = current_draft(turn), turn.memory.contact
    folded = fold(turn.msg.text or "")
    if turn.parse and turn.parse.guess == "affirm" and saved.get("address"):
        draft.delivery, draft.address = HOME, saved["address"]
    elif any(cue in folded for cue in PICKUP_CUES):
        draft.delivery = PICK_UP
    elif _chooses_home(folded):
        draft.delivery, draft.address = HOME, None
    elif is_address(turn.msg.text or "", turn.parse):
        draft.delivery, draft.address = HOME, _text(turn, ADDRESS_CHARS)
    elif any(cue in folded for cue in HOME_CUES) or (turn.parse and turn.parse.guess == "deny"):
        draft.delivery, draft.address = HOME, None
    return await ask_next(turn, draft)


def _chooses_home(folded: str) -> bool:
    """True for "giao tận nhà" / "deliver to me": the choice of delivery, not an address."""
    short = len(folded.split()) <= MAX_CHOICE_WORDS and not any(c.isdigit() for c in folded)
    return short and any(cue in folded for cue in HOME_CUES)


async def take_address(turn: Turn) -> Outcome:
    """Takes the typed text as the delivery address, if it looks like one."""
    draft = current_draft(turn)
    if not is_address(turn.msg.text or "", turn.parse):
        return await ask_next(turn, draft, turn.say("convo.bad_address"))
    draft.address = _text(turn, ADDRESS_CHARS) or None
    return await ask_next(turn, draft)


async def pick_place(turn: Turn) -> Outcome:
    """Picks the OCOP centre on the pressed button for pick-up."""
    draft = current_draft(turn)
    place = await catalog(turn).get_place(turn.payload.arg if turn.payload else "")
    if place is not None:
        draft.delivery, draft.place_id = PICK_UP, place.id
    return await ask_next(turn, draft)


async def take_pickup(turn: Turn) -> Outcome:
    """Reads a typed OCOP centre ("Hạ Long", "Mạo Khê") for pick-up."""
    draft = current_draft(turn)
    words = fold(turn.msg.text or "").split()
    for place in await catalog(turn).places(kinds=("ocop_center",)):
        names = f" {fold(render.place_name(turn, place))} {fold(place.name_vi)} "
        if words and all(f" {word} " in names for word in words[-2:]):
            draft.delivery, draft.place_id = PICK_UP, place.id
            break
    return await ask_next(turn, draft)


async def take_note(turn: Turn) -> Outcome:
    """Takes the typed text as a note for the producer ("không" for none)."""
    draft = current_draft(turn)
    text = _text(turn, NOTE_CHARS)
    draft.note = None if fold(text) in NO_NOTE_CUES else text or None
    draft.note_asked = True
    return await ask_next(turn, draft)
