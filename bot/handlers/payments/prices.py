"""A producer's own prices: `/gia` lists them with buttons, `/gia <product> <price> [unit]`
or a pressed button and a typed "120000 chai 500ml" sets one."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.orders_common import address_of
from bot.handlers.payments.common import (
    ask_in_this_language,
    is_cancel,
    producer_name,
    producer_of,
)
from catalog.orders.policy import utc_now
from catalog.payments.dto import SellerPriceDTO
from catalog.payments.errors import PaymentError
from catalog.payments.prices import SellerPrices, read_amount
from catalog.text import fold

PRICE = "pay:price"


def price_text(turn: Turn, price: SellerPriceDTO | None) -> str:
    """ "120.000 ₫/chai 500ml", or "no price yet"."""
    if price is None:
        return turn.t("payments.price.unset")
    amount = render.vnd(price.amount_vnd)
    return turn.t("payments.price.per", price=amount, unit=price.unit) if price.unit else amount


async def list_or_set_prices(turn: Turn) -> Outcome:
    """Lists this producer's products and prices, or sets one (`/gia <product> <price> [unit]`)."""
    producer = await producer_of(turn)
    if producer is None:
        return Outcome([turn.say("payments.not_producer")])
    if turn.command_args:
        return await _set_from_words(turn, producer, turn.command_args)
    products = await SellerPrices(turn.session).products_of(producer)
    if not products:
        return Outcome([turn.say("payments.price.none")])
    lines = [turn.t("payments.price.title", producer=await producer_name(turn, producer))]
    buttons = []
    for product_id, name, price in products:
        lines.append(
            turn.t("payments.price.line", name=name, id=product_id, price=price_text(turn, price))
        )
        buttons.append(
            turn.button("payments.price.button", make_payload("pay", "pr", product_id), name=name)
        )
    lines.append(turn.t("payments.price.usage"))
    return Outcome([Reply("\n".join(lines), tuple(buttons))])


async def ask_price(turn: Turn) -> Outcome:
    """Asks the price of the product on the pressed button."""
    producer = await producer_of(turn)
    product_id = turn.payload.arg if turn.payload else None
    if producer is None or not product_id:
        return Outcome([turn.say("payments.not_producer")])
    name = await _name_of(turn, producer, product_id)
    if name is None:
        return Outcome([turn.say("payments.price.not_yours", product=product_id)])
    ask_in_this_language(turn)
    turn.memory.order["price_for"] = product_id
    return Outcome([turn.say("payments.price.ask", name=name)], PRICE)


async def take_price(turn: Turn) -> Outcome:
    """Takes the typed "120000 chai 500ml" as the price of the product asked about."""
    product_id = turn.memory.order.pop("price_for", None)
    producer = await producer_of(turn)
    if not product_id or producer is None or is_cancel(turn):
        return Outcome([turn.say("payments.price.aborted")])
    words = (turn.msg.text or "").split()
    # "giá 120k chai 500ml": the amount is the first number, the unit what follows it
    at = next((i for i, w in enumerate(words) if read_amount(w) is not None), 0)
    reply, saved = await _set(turn, producer, product_id, words[at:])
    if not saved:  # a bad price: ask again
        turn.memory.order["price_for"] = product_id
        return Outcome([reply], PRICE)
    return Outcome([reply])


async def _set_from_words(turn: Turn, producer: str, words: list[str]) -> Outcome:
    """`/gia nuoc-mam-cai-rong 120000 chai 500ml`, or `/gia nước mắm cái rồng 120k chai`."""
    products = await SellerPrices(turn.session).products_of(producer)
    at = next((i for i, w in enumerate(words) if read_amount(w) is not None), None)
    if at is None or at == 0:
        return Outcome([turn.say("payments.price.usage")])
    named = fold(" ".join(words[:at]))
    found = [p for p, name, _ in products if named in (fold(p), fold(name))]
    if len(found) != 1:
        return Outcome([turn.say("payments.price.not_yours", product=" ".join(words[:at]))])
    reply, _saved = await _set(turn, producer, found[0], words[at:])
    return Outcome([reply])


async def _set(turn: Turn, producer: str, product_id: str, words: list[str]) -> tuple[Reply, bool]:
    """Sets the price in `words` ("120000 chai 500ml"); the reply, and whether it was saved."""
    amount = read_amount(words[0]) if words else None
    if amount is None:
        return turn.say("payments.price.bad_amount"), False
    unit = " ".join(words[1:]) or None
    try:
        price = await SellerPrices(turn.session).set(
            producer, product_id, amount, unit, f"producer:{address_of(turn)}", utc_now()
        )
    except PaymentError as error:
        return turn.say(error.key, **error.params), False
    name = await _name_of(turn, producer, product_id) or product_id
    return turn.say("payments.price.done", name=name, price=price_text(turn, price)), True


async def _name_of(turn: Turn, producer: str, product_id: str) -> str | None:
    products = await SellerPrices(turn.session).products_of(producer)
    return next((name for p, name, _ in products if p == product_id), None)
