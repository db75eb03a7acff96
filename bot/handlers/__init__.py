"""Conversation handlers, one topic per module; `build_router` wires them in order."""

from __future__ import annotations

from bot.core.router import Router
from bot.handlers import (
    events,
    fallback,
    figures,
    handoff,
    invite,
    lang,
    media,
    orders,
    payments,
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
from bot.handlers.confused import read_confusion
from bot.handlers.entities import read_district_names_as_places
from bot.handlers.followup import read_follow_ups
from bot.handlers.reroute import read_events_and_figures
from bot.handlers.topic import carry_topic


def build_router() -> Router:
    """Returns the router with every handler registered; the fallback goes last."""
    router = Router()
    router.before(read_confusion)
    router.before(read_district_names_as_places)
    router.before(read_events_and_figures)
    router.before(read_follow_ups)
    router.before(read_choice_by_name)
    router.before(carry_topic)
    for module in (
        start, lang, products, search, search_more, shops, tourism, events, figures, handoff
    ):
        module.setup(router)
    for order_module in (orders, producer, checkout_table):
        order_module.setup(router)
    payments.setup(router)  # after producer: it wraps Accept to ask for a missing total
    media.setup(router)
    invite.setup(router)  # after start: its /start also redeems `/start link_<CODE>`
    fallback.setup(router)
    return router
