"""Conversation handlers, one topic per module; `build_router` wires them in order."""

from __future__ import annotations

from bot.core.router import Router
from bot.handlers import (
    fallback,
    handoff,
    lang,
    orders,
    producer,
    products,
    search,
    search_more,
    shops,
    start,
    tourism,
)
from bot.handlers.checkout import table as checkout_table
from bot.handlers.choice import read_choice_by_name
from bot.handlers.entities import read_district_names_as_places
from bot.handlers.followup import read_follow_ups
from bot.handlers.topic import carry_topic


def build_router() -> Router:
    """Returns the router with every handler registered; the fallback goes last."""
    router = Router()
    router.before(read_district_names_as_places)
    router.before(read_follow_ups)
    router.before(read_choice_by_name)
    router.before(carry_topic)
    for module in (start, lang, products, search, search_more, shops, tourism, handoff):
        module.setup(router)
    for order_module in (orders, producer, checkout_table):
        order_module.setup(router)
    fallback.setup(router)
    return router
