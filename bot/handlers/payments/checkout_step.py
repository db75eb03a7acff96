"""The checkout's payment question: cash (on delivery or at pick-up) or bank transfer by
VietQR, asked after Confirm only when every producer of the cart has a bank account.

    order:confirm --Confirm--> pay:method --choice--> placed (+ the VietQR when the total
    is known, else a word that it comes once the seller confirms the total)
"""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.turn import Outcome, Turn
from bot.handlers.checkout.draft import HOME, Draft
from bot.handlers.context import catalog
from bot.handlers.payments.common import ask_in_this_language, payload_reply, payment_service
from catalog.orders import OrderDTO
from catalog.text import fold

METHOD = "pay:method"
TRANSFER_CUES = ("chuyen khoan", "ck", "bank", "transfer", "qr", "vietqr", "ngan hang", "banking")
CASH_CUES = ("tien mat", "cod", "cash", "khi nhan", "khi toi", "truc tiep", "tra sau")


def chosen_method(turn: Turn, draft: Draft) -> str | None:
    """ "transfer" when the customer chose it for this draft, else None (cash, the default)."""
    pay = turn.memory.order.get("pay") or {}
    return "transfer" if pay.get("draft") == draft.id and pay.get("method") == "transfer" else None


async def summary_line(turn: Turn, draft: Draft) -> str:
    """The summary's payment line: cash as before, or "cash or transfer, asked next"."""
    cash = turn.t("orders.payment.cod" if draft.delivery == HOME else "orders.payment.pickup")
    products = await catalog(turn).get_products(draft.product_ids)
    if not await payment_service(turn).transfer_possible([p.producer_id for p in products]):
        return cash
    return turn.t("payments.choose.later", cash=cash)


async def ask_payment(turn: Turn, draft: Draft) -> Outcome | None:
    """Asks how to pay when a transfer is possible and the customer has not chosen yet."""
    pay = turn.memory.order.get("pay") or {}
    if pay.get("draft") == draft.id:
        return None
    products = await catalog(turn).get_products(draft.product_ids)
    producers = [p.producer_id for p in products]
    if not await payment_service(turn).transfer_possible(producers):
        return None
    draft.save(turn.memory)
    cash = "cod" if draft.delivery == HOME else "pickup"
    buttons = (
        turn.button("payments.choose.transfer", "pay:m:transfer"),
        turn.button(f"payments.choose.{cash}", "pay:m:cash"),
    )
    ask_in_this_language(turn)
    return Outcome([Reply(turn.t("payments.choose.ask"), buttons)], METHOD)


async def choose_method(turn: Turn) -> Outcome:
    """Takes the pressed payment button, then places the orders."""
    arg = turn.payload.arg if turn.payload else None
    return await _chosen(turn, "transfer" if arg == "transfer" else "cash")


async def take_method(turn: Turn) -> Outcome:
    """Reads a typed payment choice ("chuyển khoản", "tiền mặt"); asks again otherwise."""
    folded = f" {fold(turn.msg.text or '')} "
    if any(f" {cue} " in folded for cue in TRANSFER_CUES):
        return await _chosen(turn, "transfer")
    if any(f" {cue} " in folded for cue in CASH_CUES):
        return await _chosen(turn, "cash")
    draft = Draft.load(turn.memory)
    if draft is None:
        return Outcome([turn.say("checkout.nothing_to_confirm")])
    turn.memory.order.pop("pay", None)
    asked = await ask_payment(turn, draft)
    if asked is None:
        return await _chosen(turn, "cash")
    return Outcome([turn.say("payments.choose.again"), *asked.replies], METHOD)


async def _chosen(turn: Turn, method: str) -> Outcome:
    from bot.handlers.checkout.confirm import place_orders  # the step after this one

    draft = Draft.load(turn.memory)
    if draft is None:
        return Outcome([turn.say("checkout.nothing_to_confirm")])
    turn.memory.order["pay"] = {"draft": draft.id, "method": method}
    return await place_orders(turn)


async def after_placing(turn: Turn, orders: list[OrderDTO]) -> list[Reply]:
    """Opens each order's payment; for transfer orders, the VietQR (or when it will come)."""
    turn.memory.order.pop("pay", None)
    service = payment_service(turn)
    replies: list[Reply] = []
    for order in orders:
        payment = await service.open(order)
        if order.payment != "transfer":
            continue
        qr = await service.qr_for(order, turn.lang, payment)
        if qr is None:
            replies.append(turn.say("payments.qr.later", number=order.number))
            continue
        await service.mark_qr_sent(order.id)
        replies.append(payload_reply(turn, qr))
    return replies
