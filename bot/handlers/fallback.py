"""Everything else: out-of-scope questions, low-confidence parses, short follow-ups."""

from __future__ import annotations

from dataclasses import asdict

from bot.core.messages import Button, Reply
from bot.core.nlu import Entity, Parse
from bot.core.payloads import make_payload
from bot.core.router import LOW_CONFIDENCE, Router
from bot.core.turn import Outcome, Turn
from bot.handlers import products, render, search, shops, tourism
from bot.handlers.context import catalog, product_mentions
from bot.handlers.followup import follow_topic, is_refinement
from bot.handlers.menu import journey_buttons

CLARIFY = "clarify:topic"
TOPICS = {
    "products": products.show_product,
    "search": search.search_products,
    "shops": shops.find_shops,
    "tourism": tourism.suggest_tourism,
}


async def answer_out_of_scope(turn: Turn) -> Outcome:
    """Says politely what the bot can help with."""
    return Outcome([Reply(turn.t("fallback.out_of_scope"), journey_buttons(turn))])


async def ask_clarification(turn: Turn) -> Outcome:
    """Asks whether the person means products, shops or tourism (low-confidence parse)."""
    if turn.parse is not None:
        entities = [asdict(e) for e in turn.parse.entities]
        turn.memory.pending = {"text": turn.parse.text, "entities": entities}
    buttons = [
        turn.button("button.ask_products", "ask:products"),
        turn.button("button.ask_shops", "ask:shops"),
        turn.button("button.ask_tourism", "ask:tourism"),
    ]
    focus = await catalog(turn).get_products(turn.memory.products[:1])
    if focus:  # "how many stars does it have?" most likely means the product in focus
        name = render.product_name(turn, focus[0])
        buttons.insert(0, Button(name, make_payload("p", "info", focus[0].id)))
    return Outcome([Reply(turn.t("clarify.question"), tuple(buttons))], CLARIFY)


async def resolve_clarification(turn: Turn) -> Outcome:
    """Answers the pending question as the topic on the pressed button."""
    topic = turn.payload.route.split(":")[1] if turn.payload else ""
    pending = turn.memory.pending or {}
    turn.memory.pending = None
    entities = tuple(Entity(**e) for e in pending.get("entities", []))
    turn.parse = Parse(str(pending.get("text", "")), f"ask_{topic}", 1.0, turn.lang, entities)
    if topic == "products" and not product_mentions(turn.parse):
        if not entities and turn.memory.products:
            return await products.show_product(turn)
        if not entities:
            from bot.handlers.start import show_categories

            return await show_categories(turn)
        return await search.search_products(turn)
    return await TOPICS.get(topic, answer_out_of_scope)(turn)


async def continue_topic(turn: Turn) -> Outcome:
    """Applies a short follow-up ("how about in Móng Cái?") to the last journey."""
    if product_mentions(turn.parse):
        if turn.memory.topic == "shops":
            return await shops.find_shops(turn)
        return await products.show_product(turn)
    if is_refinement(turn):
        return await follow_topic(turn)
    return await ask_clarification(turn)


async def acknowledge(turn: Turn) -> Outcome:
    """Answers a bare yes or no with the main journeys."""
    return Outcome([Reply(turn.t("fallback.acknowledge"), journey_buttons(turn))])


def setup(router: Router) -> None:
    """Registers the fallbacks; call it last."""
    router.on_intent("out_of_scope", answer_out_of_scope)
    router.on_intent(LOW_CONFIDENCE, ask_clarification)
    router.on_intent("inform", continue_topic)
    for intent in ("affirm", "deny"):
        router.on_intent(intent, acknowledge)
    for topic in ("products", "shops", "tourism"):
        router.on_payload(f"ask:{topic}", resolve_clarification)
    router.set_fallback(answer_out_of_scope)
