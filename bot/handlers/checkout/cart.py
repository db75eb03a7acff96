"""The checkout's cart: start an order, add, pick, size, change and remove products."""

from __future__ import annotations

from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.checkout.ask import ask_next
from bot.handlers.checkout.draft import Draft
from bot.handlers.checkout.items import (
    bad_quantity,
    cart_lines,
    mentioned_products,
    take_mentions,
    valid_quantity,
)
from bot.handlers.checkout.read import read_quantity
from bot.handlers.context import catalog, product_mentions
from catalog.text import fold


def current_draft(turn: Turn) -> Draft:
    """The draft under way, or a new one."""
    return Draft.load(turn.memory) or Draft()


async def start_checkout(turn: Turn) -> Outcome:
    """Starts (or continues) an order with the products and quantities the message names."""
    draft = current_draft(turn)
    before = (
        [turn.say("checkout.resumed")] if draft.items and not product_mentions(turn.parse) else []
    )
    if not await take_mentions(turn, draft):
        before.append(bad_quantity(turn))
    return await ask_next(turn, draft, *before)


async def add_item(turn: Turn) -> Outcome:
    """Adds the products the message names to the cart ("thêm 1 hũ ruốc hàu")."""
    draft = current_draft(turn)
    before = {str(i["product"]): i["quantity"] for i in draft.items}
    ok = await take_mentions(turn, draft)
    notes = [] if ok else [bad_quantity(turn)]
    added = [i for i in draft.items if before.get(str(i["product"]), 0) != i["quantity"]]
    if added and ok:
        notes.append(turn.say("convo.added", items=await cart_lines(turn, added)))
    return await ask_next(turn, draft, *notes)


async def take_product(turn: Turn) -> Outcome:
    """Reads the product typed at the "which product?" question."""
    draft = current_draft(turn)
    if not await mentioned_products(turn):
        return await ask_next(turn, draft, turn.say("checkout.unknown_product"))
    ok = await take_mentions(turn, draft)
    return await ask_next(turn, draft, *([] if ok else [bad_quantity(turn)]))


async def pick_product(turn: Turn) -> Outcome:
    """Puts the product on the pressed button in the cart."""
    draft = current_draft(turn)
    product_id = turn.payload.arg if turn.payload else None
    if product_id and await catalog(turn).get_product(product_id) is not None:
        draft.add(product_id, draft.wanted, draft.wanted_unit)
        draft.choices, draft.wanted, draft.wanted_unit, draft.adding = [], None, None, False
    return await ask_next(turn, draft)


async def take_quantity(turn: Turn) -> Outcome:
    """Reads the quantity of the product being asked about; a bad one is asked again."""
    draft = current_draft(turn)
    quantity = read_quantity(turn)
    if not valid_quantity(turn, quantity):
        return await ask_next(turn, draft, bad_quantity(turn))
    draft.set_quantity(draft.unsized() or "", quantity)
    return await ask_next(turn, draft)


async def change_quantity(turn: Turn) -> Outcome:
    """Changes an item's quantity ("à 3 chai thôi"): the named product, else the last one."""
    draft = current_draft(turn)
    quantity = read_quantity(turn)
    if not draft.items:
        return await ask_next(turn, draft)
    if not valid_quantity(turn, quantity):
        return await ask_next(turn, draft, bad_quantity(turn))
    target = await _target(turn, draft)
    draft.set_quantity(target, quantity)
    changed = [i for i in draft.items if i["product"] == target]
    note = turn.say("convo.changed", items=await cart_lines(turn, changed))
    return await ask_next(turn, draft, note)


async def _target(turn: Turn, draft: Draft) -> str:
    """The item a correction means: a mentioned one, one sold in the unit named, or the last."""
    named = [i for ids in product_mentions(turn.parse) for i in ids if i in draft.product_ids]
    if named:
        return named[0]
    unit = fold(str(turn.parse.first("unit") or "")) if turn.parse else ""
    if unit:
        products = {p.id: p for p in await catalog(turn).get_products(draft.product_ids)}
        for item in reversed(draft.items):
            product = products.get(str(item["product"]))
            units = (item.get("unit"), product.price_unit, product.unit) if product else ()
            if unit in {fold(u) for u in units if u}:
                return str(item["product"])
    return draft.product_ids[-1]


async def remove_item(turn: Turn) -> Outcome:
    """Removes products from the cart, by message ("bỏ nước mắm") or button."""
    draft = current_draft(turn)
    if turn.payload is not None:
        ids = [turn.payload.arg or ""]
    else:
        ids = [i for group in product_mentions(turn.parse) for i in group]
    removed = [i for i in ids if draft.remove(i)]
    products = await catalog(turn).get_products(removed)
    names = ", ".join(render.product_name(turn, p) for p in products)
    note = (
        turn.say("checkout.removed", names=names) if removed else turn.say("checkout.not_in_cart")
    )
    if not draft.items:
        draft.adding = True
    return await ask_next(turn, draft, note)


async def quit_checkout(turn: Turn) -> Outcome:
    """Leaves the checkout at any step; nothing is ordered."""
    Draft.drop(turn.memory)
    return Outcome([turn.say("checkout.cancelled")])
