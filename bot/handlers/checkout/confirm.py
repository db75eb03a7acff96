"""The checkout's last step: the summary's Confirm / Edit / Cancel, and placing the orders."""

from __future__ import annotations

import logging

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.checkout.ask import ask_next, question
from bot.handlers.checkout.cart import current_draft
from bot.handlers.checkout.draft import CONFIRM, HOME, Draft
from bot.handlers.context import catalog
from bot.handlers.orders_common import address_of, order_service
from bot.handlers.outcomes import placed_reply
from catalog.orders import CartLine, Contact, Customer, Delivery, OrderError, mask_phone

logger = logging.getLogger(__name__)


async def answer_summary(turn: Turn) -> Outcome:
    """Reads a typed answer to the summary: yes places the orders, no opens the edit menu."""
    guess = turn.parse.guess if turn.parse else None
    if guess == "affirm":
        return await place_orders(turn)
    if guess == "deny":
        return await show_edit_menu(turn)
    return await ask_next(turn, current_draft(turn))


async def place_orders(turn: Turn) -> Outcome:
    """Places one order per producer and gives each order number."""
    draft = Draft.load(turn.memory)
    if draft is None or draft.next_step() != CONFIRM:
        if draft is None:
            return Outcome([turn.say("checkout.nothing_to_confirm")])
        return await ask_next(turn, draft)
    kind = "delivery" if draft.delivery == HOME else "pickup"
    try:
        # The draft id keys the placement: a repeated or replayed confirmation, even after
        # a crash between commit and saving the state, returns the first orders.
        orders = await order_service(turn).place(
            Customer(address_of(turn), turn.lang),
            [CartLine(str(i["product"]), int(i["quantity"])) for i in draft.items],
            Contact(draft.name or "", draft.phone or ""),
            Delivery(kind, address=draft.address, place_id=draft.place_id),
            draft.note,
            f"draft:{draft.id}",
        )
    except OrderError as error:
        logger.info("checkout refused (%s) for phone %s", error.key, mask_phone(draft.phone))
        return await ask_next(turn, draft, Reply(turn.t(error.key, **error.params)))
    turn.memory.contact = {
        k: v
        for k, v in (
            ("name", draft.name),
            ("phone", draft.phone),
            ("address", draft.address or turn.memory.contact.get("address")),
        )
        if v
    }
    Draft.drop(turn.memory)
    reply = await placed_reply(turn, orders, draft.phone or "")
    logger.info("checkout placed %d order(s), phone %s", len(orders), mask_phone(draft.phone))
    return Outcome([reply])


async def show_edit_menu(turn: Turn) -> Outcome:
    """Offers what can be changed: add, remove or resize an item, contact, delivery, note."""
    draft = current_draft(turn)
    products = await catalog(turn).get_products(draft.product_ids)
    buttons: list[Button] = [turn.button("checkout.add", "ck:add")]
    for product in products:
        name = render.product_name(turn, product)
        buttons.append(
            turn.button("checkout.resize", make_payload("ck", "qty", product.id), name=name)
        )
        buttons.append(
            turn.button("checkout.remove", make_payload("ck", "rm", product.id), name=name)
        )
    buttons += [
        turn.button("checkout.change_contact", "ck:contact"),
        turn.button("checkout.change_delivery", "ck:where"),
        turn.button("checkout.change_note", "ck:note:edit"),
        turn.button("checkout.back", "ck:sum"),
    ]
    draft.save(turn.memory)
    return Outcome([Reply(turn.t("checkout.edit_menu"), tuple(buttons))], CONFIRM)


async def edit_draft(turn: Turn) -> Outcome:
    """Applies the pressed edit: ask again for a quantity, a product, the contact or delivery."""
    draft = current_draft(turn)
    route = turn.payload.route if turn.payload else ""
    if route == "ck:qty":
        draft.set_quantity(turn.payload.arg or "", None)  # type: ignore[union-attr]
    elif route == "ck:add":
        draft.adding = True
    elif route == "ck:contact":
        draft.name = draft.phone = None
    elif route == "ck:where":
        draft.delivery = draft.address = draft.place_id = None
    elif route == "ck:note":  # "ck:note:none" skips the note, "ck:note:edit" asks again
        draft.note_asked = turn.payload.arg == "none"  # type: ignore[union-attr]
        draft.note = None if draft.note_asked else draft.note
    return await ask_next(turn, draft)


async def show_summary(turn: Turn) -> Outcome:
    """Shows the summary (or the missing question) again."""
    draft = current_draft(turn)
    draft.save(turn.memory)
    step = draft.next_step()
    return Outcome([await question(turn, draft, step)], step)
