"""Reads the products, quantities and units a message names into the cart."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.numbers import clamped_int
from bot.core.turn import Turn
from bot.handlers.checkout_draft import Draft
from bot.handlers.context import catalog, product_mentions


def valid_quantity(turn: Turn, quantity: int | None) -> bool:
    """True for a whole number from 1 to `orders.max_quantity`."""
    return quantity is not None and 1 <= quantity <= turn.settings.max_quantity


def bad_quantity(turn: Turn) -> Reply:
    return turn.say("orders.error.quantity", max_quantity=turn.settings.max_quantity)


async def take_mentions(turn: Turn, draft: Draft) -> bool:
    """Puts each mentioned product in the cart; an ambiguous one becomes a choice.

    Returns:
        False when a stated quantity was out of range (that item's quantity is asked again).
    """
    mentions = product_mentions(turn.parse)
    quantities = turn.parse.values("quantity") if turn.parse else []
    unit, ok = typed_unit(turn), True
    for number, ids in enumerate(mentions):
        quantity = quantities[number] if number < len(quantities) else None
        quantity = clamped_int(quantity) if isinstance(quantity, int | float) else None
        if quantity is not None and not valid_quantity(turn, quantity):
            quantity, ok = None, False
        if len(ids) > 1:
            draft.choices, draft.wanted = ids, quantity
            continue
        if await catalog(turn).get_product(ids[0]) is None:
            continue
        draft.add(ids[0], quantity, unit)
        draft.adding = False
        total = next(i["quantity"] for i in draft.items if i["product"] == ids[0])
        if total is not None and not valid_quantity(turn, total):
            draft.set_quantity(ids[0], None)
            ok = False
    return ok


def typed_unit(turn: Turn) -> str | None:
    """The unit word as the person typed it ("chai", "hũ", "boxes"), for the summary."""
    parse = turn.parse
    found = [e for e in parse.entities if e.entity == "unit"] if parse else []
    if parse is None or not found or found[0].start is None or found[0].end is None:
        return None
    return parse.text[found[0].start : found[0].end] or None
