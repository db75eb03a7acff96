"""Short follow-ups without a product ("how about in Móng Cái?"): continue the last journey."""

from __future__ import annotations

from dataclasses import replace

from bot.core.router import LOW_CONFIDENCE
from bot.core.turn import Outcome, Turn
from bot.handlers import search, shops, tourism
from catalog.text import fold

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


# The intent that continues each journey; a confident other one starts a new journey.
TOPIC_INTENTS = {
    "shops": "shop_search",
    "tourism": "tourism_suggest",
    "search": "product_search",
    "product": "product_info",
}
JOURNEYS = ("shop_search", "tourism_suggest", "product_search", "product_info", "product_price")
CONFIDENT = 0.8


def is_another_journey(turn: Turn) -> bool:
    """True for a confident question of another journey than the last answer's."""
    parse = turn.parse
    if parse is None or parse.intent not in JOURNEYS or parse.confidence < CONFIDENT:
        return False
    return TOPIC_INTENTS.get(turn.memory.topic or "") != parse.intent


# Folded words that mark a follow-up on the last answer ("còn … thì sao?", "how about …").
FOLLOW_UP_CUES = ("con ", "thi sao", "the con", "how about", "what about", "and in ")


async def read_follow_ups(turn: Turn) -> None:
    """Reads "how about in Móng Cái?" as a refinement of the last journey.

    A message that only names a place, stars or a budget, right after another answer, and
    that says so ("còn …", "how about …"), answers "where?", or was not understood, is a
    follow-up.
    """
    parse = turn.parse
    if parse is None or not turn.memory.topic or not is_refinement(turn):
        return
    if parse.values("product") or parse.values("category"):
        return
    if is_another_journey(turn):
        return  # "có gì chơi ở Bình Liêu?" after "mua ở đâu": a new question, not an answer
    text = f" {fold(parse.text)} "
    cued = any(f" {cue}" in text for cue in FOLLOW_UP_CUES)
    asked_where = turn.conv.step.endswith(":where")  # "Bạn đang ở đâu?" was just asked
    if cued or asked_where or parse.intent == LOW_CONFIDENCE:
        turn.parse = replace(parse, intent="inform")
