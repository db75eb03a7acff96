"""The checkout's questions, one at a time, and the summary shown before placing."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.checkout.draft import (
    ADDRESS,
    DELIVERY,
    NAME,
    NOTE,
    PHONE,
    PICKUP,
    PRODUCT,
    QUANTITY,
    Draft,
)
from bot.handlers.checkout.summary import summary
from bot.handlers.context import catalog
from catalog.orders import mask_phone

SUGGESTIONS = 5


async def ask_next(turn: Turn, draft: Draft, *before: Reply) -> Outcome:
    """Saves the draft and asks for the first missing piece (the summary when complete)."""
    draft.lang = turn.lang
    draft.save(turn.memory)
    step = draft.next_step()
    reply = await question(turn, draft, step)
    return Outcome([*before, reply], step)


async def question(turn: Turn, draft: Draft, step: str) -> Reply:
    """The question of `step`, with its buttons."""
    saved = turn.memory.contact
    if step == PRODUCT:
        return await _ask_product(turn, draft)
    if step == QUANTITY:
        product = await catalog(turn).get_product(draft.unsized() or "")
        unit = (product.price_unit or product.unit) if product else None
        name = render.product_name(turn, product) if product else ""
        return turn.say(
            "checkout.ask_quantity",
            name=name,
            unit=unit or turn.t("checkout.unit"),
            max=turn.settings.max_quantity,
        )
    if step == NAME:
        if not saved.get("name"):
            return turn.say("checkout.ask_name")
        use = turn.button("checkout.use_name", "ck:name:saved", name=saved["name"])
        return turn.say("checkout.ask_name", use)
    if step == PHONE:
        if not saved.get("phone"):
            return turn.say("checkout.ask_phone")
        phone = mask_phone(saved["phone"])
        return turn.say(
            "checkout.ask_phone", turn.button("checkout.use_phone", "ck:phone:saved", phone=phone)
        )
    if step == DELIVERY:
        buttons = [
            turn.button("checkout.home", "ck:dlv:home"),
            turn.button("checkout.pickup", "ck:dlv:pickup"),
        ]
        if saved.get("address"):
            old = turn.button("checkout.old_address", "ck:dlv:saved", address=saved["address"])
            buttons.insert(0, old)
            return Reply(
                turn.t("checkout.ask_delivery_again", address=saved["address"]), tuple(buttons)
            )
        return Reply(turn.t("checkout.ask_delivery"), tuple(buttons))
    if step == ADDRESS:
        return turn.say("checkout.ask_address")
    if step == PICKUP:
        centres = await catalog(turn).places(kinds=("ocop_center",))
        lines = [turn.t("checkout.ask_pickup")]
        lines += [f"• {render.place_line(turn, p)}" for p in centres]
        buttons = tuple(
            Button(render.place_name(turn, p), make_payload("ck", "place", p.id)) for p in centres
        )
        return Reply("\n".join(lines), buttons)
    if step == NOTE:
        return turn.say("checkout.ask_note", turn.button("checkout.no_note", "ck:note:none"))
    return await summary(turn, draft)


async def _ask_product(turn: Turn, draft: Draft) -> Reply:
    service = catalog(turn)
    if draft.choices:
        products = await service.get_products(draft.choices)
        key = "checkout.which_product"
    else:
        products = (await service.search_products(min_stars=5, limit=SUGGESTIONS)).items
        key = "checkout.ask_product"
    buttons = tuple(
        Button(
            f"{render.product_name(turn, p)} ({render.district_of(turn, p)})",
            make_payload("ck", "pick", p.id),
        )
        for p in products
    )
    return Reply(turn.t(key), buttons)
