"""Reads the products, quantities and units a message names into the cart."""

from __future__ import annotations

from typing import Any

from bot.core.messages import Reply
from bot.core.numbers import clamped_int
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.checkout.draft import Draft
from bot.handlers.context import catalog, product_mentions

MAX_CHOICES = 8


def valid_quantity(turn: Turn, quantity: int | None) -> bool:
    """True for a whole number from 1 to `orders.max_quantity`."""
    return quantity is not None and 1 <= quantity <= turn.settings.max_quantity


def bad_quantity(turn: Turn) -> Reply:
    return turn.say("orders.error.quantity", max_quantity=turn.settings.max_quantity)


async def mentioned_products(turn: Turn) -> list[list[str]]:
    """The products the message names; a kind alone ("fish sauce") stands for its products."""
    mentions = product_mentions(turn.parse)
    category = turn.parse.first("category") if turn.parse else None
    if mentions or not isinstance(category, str):
        return mentions
    page = await catalog(turn).search_products(category=category, limit=MAX_CHOICES)
    return [[p.id for p in page.items]] if page.items else []


async def take_mentions(turn: Turn, draft: Draft) -> bool:
    """Puts each mentioned product in the cart; an ambiguous one becomes a choice.

    A quantity typed with an ambiguous product ("3 bottles of fish sauce") is kept for the
    product chosen next, by button or by name.

    Returns:
        False when a stated quantity was out of range (that item's quantity is asked again).
    """
    mentions = await mentioned_products(turn)
    quantities = turn.parse.values("quantity") if turn.parse else []
    unit, ok = typed_unit(turn), True
    for number, ids in enumerate(mentions):
        quantity = quantities[number] if number < len(quantities) else None
        quantity = clamped_int(quantity) if isinstance(quantity, int | float) else None
        if quantity is None and draft.choices and set(ids) & set(draft.choices):
            quantity = draft.wanted  # the answer to "which one?" keeps the quantity
            unit = unit or draft.wanted_unit
        if quantity is not None and not valid_quantity(turn, quantity):
            quantity, ok = None, False
        if len(ids) > 1:
            draft.choices, draft.wanted, draft.wanted_unit = ids, quantity, unit
            continue
        if await catalog(turn).get_product(ids[0]) is None:
            continue
        draft.add(ids[0], quantity, unit)
        draft.adding, draft.choices, draft.wanted, draft.wanted_unit = False, [], None, None
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


async def cart_lines(turn: Turn, items: list[dict[str, Any]]) -> str:
    """Says cart items as "3 chai Nước mắm Cái Rồng, 1 hũ Ruốc hàu"."""
    products = {p.id: p for p in await catalog(turn).get_products([i["product"] for i in items])}
    parts = []
    for item in items:
        product = products.get(str(item["product"]))
        if product is None:
            continue
        unit = product.price_unit or product.unit or item.get("unit") or ""
        quantity = item["quantity"] if item["quantity"] is not None else "?"
        parts.append(
            " ".join(str(x) for x in (quantity, unit, render.product_name(turn, product)) if x)
        )
    return ", ".join(parts)
