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
    handoff,
    orders,
    products,
    search,
    shops,
    start,
    tourism,
)
from bot.handlers.checkout import cart, confirm, fix, steps
from bot.handlers.checkout.ask import question
from bot.handlers.checkout.browse import remember_list
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
    STEPS,
    Draft,
)
from bot.handlers.checkout.read import ASIDES, read_checkout_message

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
    PRODUCT: cart.take_product,
    QUANTITY: cart.take_quantity,
    NAME: steps.take_name,
    PHONE: steps.take_phone,
    DELIVERY: steps.take_delivery,
    ADDRESS: steps.take_address,
    PICKUP: steps.take_pickup,
    NOTE: steps.take_note,
    CONFIRM: confirm.answer_summary,
}
BUTTONS: dict[str, Handler] = {
    "ck:pick": cart.pick_product,
    "ck:rm": cart.remove_item,
    "ck:quit": cart.quit_checkout,
    "ck:name": steps.use_saved,
    "ck:phone": steps.use_saved,
    "ck:dlv": steps.choose_delivery,
    "ck:place": steps.pick_place,
    "ck:ok": confirm.place_orders,
    "ck:edit": confirm.show_edit_menu,
    "ck:sum": confirm.show_summary,
    "ck:qty": confirm.edit_draft,
    "ck:add": confirm.edit_draft,
    "ck:contact": confirm.edit_draft,
    "ck:where": confirm.edit_draft,
    "ck:note": confirm.edit_draft,
}


async def answer_aside(turn: Turn) -> Outcome:
    """Answers a question asked mid-checkout, then asks the pending question again."""
    step = turn.conv.step
    aside = await ASIDE_HANDLERS[turn.intent or "help"](turn)
    remember_list(turn, aside.replies)
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
    router.on_intent("order_create", cart.start_checkout)
    router.on_intent("order_quit", cart.quit_checkout)
    router.on_intent("order_add", cart.add_item)
    router.on_intent("order_remove", cart.remove_item)
    router.on_intent("order_requantity", cart.change_quantity)
    router.on_intent("order_fix", fix.fix_field)
    for step in STEPS:
        router.on_intent("order_answer", ANSWERS[step], step=step)
        for intent in ASIDES:
            router.on_intent(intent, answer_aside, step=step)
    for route, handler in BUTTONS.items():
        router.on_payload(route, handler)
