"""The checkout's state table: which handler serves which step, label and button.

    order:product  -> order:quantity -> order:name -> order:phone -> order:delivery
    order:delivery -> order:address | order:pickup -> order:note -> order:confirm

Any step: "hủy" leaves, "thêm …" adds, "bỏ …" removes, "à 3 chai thôi" resizes, and a
question is answered by the other handlers before the pending question is asked again.
"""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.router import Handler, Router
from bot.core.turn import Outcome, Turn
from bot.handlers import (
    checkout,
    checkout_confirm,
    checkout_fix,
    checkout_steps,
    handoff,
    orders,
    products,
    search,
    shops,
    start,
    tourism,
)
from bot.handlers.checkout_ask import question
from bot.handlers.checkout_draft import (
    ADDRESS,
    CONFIRM,
    DELIVERY,
    NAME,
    NOTE,
    PHONE,
    PICKUP,
    PRODUCT,
    QUANTITY,
    STEPS,
    Draft,
)
from bot.handlers.checkout_read import ASIDES, read_checkout_message

ASIDE_HANDLERS: dict[str, Handler] = {
    "product_info": products.show_product,
    "product_price": products.show_price,
    "product_search": search.search_products,
    "shop_search": shops.find_shops,
    "tourism_suggest": tourism.suggest_tourism,
    "human_handoff": handoff.hand_off,
    "help": start.show_help,
    "order_status": orders.list_orders,
}
ANSWERS: dict[str, Handler] = {
    PRODUCT: checkout.take_product,
    QUANTITY: checkout.take_quantity,
    NAME: checkout_steps.take_name,
    PHONE: checkout_steps.take_phone,
    DELIVERY: checkout_steps.take_delivery,
    ADDRESS: checkout_steps.take_address,
    PICKUP: checkout_steps.take_pickup,
    NOTE: checkout_steps.take_note,
    CONFIRM: checkout_confirm.answer_summary,
}
BUTTONS: dict[str, Handler] = {
    "ck:pick": checkout.pick_product,
    "ck:rm": checkout.remove_item,
    "ck:quit": checkout.quit_checkout,
    "ck:name": checkout_steps.use_saved,
    "ck:phone": checkout_steps.use_saved,
    "ck:dlv": checkout_steps.choose_delivery,
    "ck:place": checkout_steps.pick_place,
    "ck:ok": checkout_confirm.place_orders,
    "ck:edit": checkout_confirm.show_edit_menu,
    "ck:sum": checkout_confirm.show_summary,
    "ck:qty": checkout_confirm.edit_draft,
    "ck:add": checkout_confirm.edit_draft,
    "ck:contact": checkout_confirm.edit_draft,
    "ck:where": checkout_confirm.edit_draft,
    "ck:note": checkout_confirm.edit_draft,
}


async def answer_aside(turn: Turn) -> Outcome:
    """Answers a question asked mid-checkout, then asks the pending question again."""
    step = turn.conv.step
    aside = await ASIDE_HANDLERS[turn.intent or "help"](turn)
    draft = Draft.load(turn.memory) or Draft()
    # The aside's buttons would take over the typed option numbers ("2" as a quantity):
    # show their titles as lines instead, and keep only the checkout question's buttons.
    replies = [
        Reply("\n".join([r.text, *(f"• {b.title}" for b in r.buttons)]), location=r.location)
        for r in aside.replies
    ]
    resume = turn.say("convo.resume") if draft.items else None
    pending = [*([resume] if resume else []), await question(turn, draft, step)]
    return Outcome([*replies, *pending], step)


def setup(router: Router) -> None:
    """Registers the checkout's rows; the order intents start it from any step."""
    router.before(read_checkout_message)
    router.on_intent("order_create", checkout.start_checkout)
    router.on_intent("order_quit", checkout.quit_checkout)
    router.on_intent("order_add", checkout.add_item)
    router.on_intent("order_remove", checkout.remove_item)
    router.on_intent("order_requantity", checkout.change_quantity)
    router.on_intent("order_fix", checkout_fix.fix_field)
    for step in STEPS:
        router.on_intent("order_answer", ANSWERS[step], step=step)
        for intent in ASIDES:
            router.on_intent(intent, answer_aside, step=step)
    for route, handler in BUTTONS.items():
        router.on_payload(route, handler)
