"""Short follow-ups without a product ("how about in Móng Cái?"): continue the last journey."""

from __future__ import annotations

from bot.core.turn import Outcome, Turn
from bot.handlers import search, shops, tourism

REFINING = ("location", "category", "stars", "price_max", "price_min")


def is_refinement(turn: Turn) -> bool:
    """True when the message only names a place, kind, stars or budget."""
    parse = turn.parse
    return parse is not None and any(parse.values(name) for name in REFINING)


async def follow_topic(turn: Turn) -> Outcome:
    """Applies the message's place or filters to the last journey (search by default)."""
    topic = turn.memory.topic
    if topic == "shops":
        return await shops.find_shops(turn)
    if topic == "tourism":
        return await tourism.suggest_tourism(turn)
    return await search.search_products(turn)
