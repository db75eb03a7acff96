"""Product questions: info, price, comparison, follow-ups on the product in focus."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.context import catalog, product_mentions
from bot.handlers.followup import follow_topic, is_refinement
from bot.handlers.menu import menu_button
from bot.handlers.product_replies import CHOOSE, answer_about, compare_reply

MAX_SUGGESTIONS = 5


async def show_product(turn: Turn) -> Outcome:
    """Shows the card of the product asked about."""
    return await _answer(turn, "info")


async def show_price(turn: Turn) -> Outcome:
    """Shows the price of the product asked about."""
    return await _answer(turn, "price")


async def show_product_button(turn: Turn) -> Outcome:
    """Shows the card of the product on the pressed button."""
    return await answer_about(turn, _pressed(turn), "info")


async def show_price_button(turn: Turn) -> Outcome:
    """Shows the price of the product on the pressed button."""
    return await answer_about(turn, _pressed(turn), "price")


def _pressed(turn: Turn) -> list[str]:
    return [turn.payload.arg] if turn.payload and turn.payload.arg else []


async def _answer(turn: Turn, asked: str) -> Outcome:
    mentions = product_mentions(turn.parse)
    if len(mentions) >= 2:
        return await _compare(turn, mentions, asked)
    if mentions:
        return await answer_about(turn, mentions[0], asked)
    if is_refinement(turn):
        return await follow_topic(turn)
    memory = turn.memory
    if memory.products:
        return await answer_about(turn, memory.products[:1], asked)
    if memory.candidates:
        return await answer_about(turn, memory.candidates, asked)
    return await _ask_which(turn, asked)


async def _compare(turn: Turn, mentions: list[list[str]], asked: str) -> Outcome:
    """Compares the mentioned products, first settling any mention that is ambiguous."""
    for ids in mentions:
        if len(ids) > 1:
            return await answer_about(turn, ids, asked)
    products = await catalog(turn).get_products([ids[0] for ids in mentions])
    if len(products) < 2:
        return await answer_about(turn, [p.id for p in products], asked)
    turn.memory.focus_products([p.id for p in products])
    turn.memory.candidates = [p.id for p in products]
    turn.memory.topic = "product"
    return Outcome([compare_reply(turn, products)])


async def _ask_which(turn: Turn, asked: str) -> Outcome:
    """Asks which product, offering the best-rated ones as buttons."""
    page = await catalog(turn).search_products(min_stars=5, limit=MAX_SUGGESTIONS)
    buttons = [
        Button(render.product_name(turn, p), make_payload("p", asked, p.id)) for p in page.items
    ]
    turn.memory.candidates = [p.id for p in page.items]
    turn.memory.asked = asked
    buttons.append(menu_button(turn))
    return Outcome([Reply(turn.t("product.ask_which"), tuple(buttons))], CHOOSE)


def setup(router: Router) -> None:
    """Registers the product questions and their buttons."""
    router.on_intent("product_info", show_product)
    router.on_intent("product_price", show_price)
    router.on_payload("p:info", show_product_button)
    router.on_payload("p:price", show_price_button)
