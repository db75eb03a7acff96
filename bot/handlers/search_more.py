"""Refining the last search: "còn gì nữa không" shows more, "rẻ hơn" shows cheaper ones."""

from __future__ import annotations

from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.context import catalog
from bot.handlers.menu import menu_button
from bot.handlers.search import show_page
from bot.handlers.search_filters import PRICED, describe_filters


async def show_more(turn: Turn) -> Outcome:
    """Shows the next page of the last search, or says there is nothing more."""
    filters = dict(turn.memory.filters)
    size = turn.settings.page_size
    found = await catalog(turn).search_products(**filters, limit=1, offset=0)
    page = turn.memory.page + 1
    if page * size >= found.total:
        outcome = await show_page(turn, filters, 0)
        return Outcome([turn.say("convo.no_more"), *outcome.replies], outcome.step)
    return await show_page(turn, filters, page)


async def show_cheaper(turn: Turn) -> Outcome:
    """Shows products of the last search priced below the cheapest one shown."""
    filters = dict(turn.memory.filters)
    shown = await catalog(turn).get_products(turn.memory.candidates)
    prices = [p.price_vnd for p in shown if p.price_vnd]
    if prices:
        filters["price_max"] = min(prices) - 1
        return await show_page(turn, filters, 0)
    filters["price_max"] = PRICED
    priced = await catalog(turn).search_products(**filters, limit=1)
    if not priced.total:
        criteria = await describe_filters(turn, turn.memory.filters)
        return Outcome([turn.say("convo.cheaper_none", menu_button(turn), criteria=criteria)])
    outcome = await show_page(turn, filters, 0)
    return Outcome([turn.say("convo.cheaper_unpriced"), *outcome.replies], outcome.step)


def setup(router: Router) -> None:
    """Registers the refinements of the last search."""
    router.on_intent("search_more", show_more)
    router.on_intent("search_cheaper", show_cheaper)
