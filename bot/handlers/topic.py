"""What a message without a subject is about: the product or place of the last answer.

After a product card, "giá bao nhiêu", "mua ở đâu", "đặt 2 cái", "còn loại nào khác",
"how much" and "where can I buy it" are about that product; after a place, "ở đó có gì
mua" is about that place. A message with a subject of its own starts a new topic, and the
old one is forgotten rather than merged into it.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.router import LOW_CONFIDENCE
from bot.core.turn import Turn
from bot.handlers.checkout.draft import STEPS
from bot.handlers.context import catalog
from catalog.text import fold

SUBJECTS = ("product", "category", "location")
# Intents that ask about "it": the product of the last card.
ABOUT_IT = ("product_price", "product_info", "shop_search", "order_create")
OTHER_CUES = ("khac", "other", "similar", "tuong tu", "giong", "cung loai", "else")
THERE_CUES = ("o do", "cho do", "o day", "noi do", "vung do", "there", "that place", "o dang do")
BUY_CUES = ("mua", "san pham", "dac san", "qua", "buy", "product", "ocop", "specialt")
SHOP_CUES = ("mua o dau", "cua hang", "diem ban", "shop", "store", "where")
PLAY_CUES = ("choi", "tham quan", "du lich", "le hoi", "visit", "see", "do there", "festival")
CHEAPER_CUES = ("re hon", "cheaper", "less expensive", "gia thap hon", "mem hon", "re re")
MORE_CUES = ("con gi nua", "con nua", "con khong", "them nua", "more", "xem them", "next", "tiep")
# Buttons that open a new topic: the product in focus no longer is.
NEW_TOPIC_ROUTES = ("s:dist", "t:dist", "p:dist", "p:cat", "p:gift", "nav:tourism", "nav:shops")
UNSURE = (LOW_CONFIDENCE, "out_of_scope", "inform", "product_search")


def _has(folded: str, cues: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {cue}" in padded for cue in cues)


async def carry_topic(turn: Turn) -> None:
    """Fills in the product or place a message leaves out, from the last answer."""
    memory = turn.memory
    if turn.payload is not None:
        if turn.payload.route in NEW_TOPIC_ROUTES:
            memory.products = []
        return
    parse = turn.parse
    if parse is None or turn.conv.step in STEPS:
        return
    if any(parse.values(name) for name in SUBJECTS):
        if parse.values("location") and not parse.values("product"):
            memory.products = []  # a new place: the product in focus is the old topic
        return
    folded = fold(parse.text)
    if memory.topic == "search" and memory.filters is not None:
        more = "search_cheaper" if _has(folded, CHEAPER_CUES) else None
        more = more or ("search_more" if _has(folded, MORE_CUES) else None)
        if more and parse.intent in (*UNSURE, "order_cancel", "product_price"):
            turn.parse = replace(parse, intent=more, confidence=1.0)
            return
    if _has(folded, THERE_CUES):
        await _about_the_place(turn, folded)
        return
    carried = memory.products and memory.topic in ("product", "shops")
    focus = memory.products[0] if carried else None
    if focus is None:
        await _about_the_list(turn)
        return
    if parse.intent in ABOUT_IT:
        entities = (*parse.entities, Entity("product", focus))
        turn.parse = replace(parse, entities=entities)
    elif parse.intent == "product_search" and _has(folded, OTHER_CUES):
        product = await catalog(turn).get_product(focus)
        if product is not None:
            entities = (*parse.entities, Entity("category", product.category))
            turn.parse = replace(parse, entities=entities)


async def _about_the_list(turn: Turn) -> None:
    """After a list: "đặt 2 cái" picks among the products shown, "mua ở đâu" is that place."""
    parse = turn.parse
    assert parse is not None
    memory = turn.memory
    if memory.topic != "search":
        if parse.intent == "shop_search" and memory.topic == "tourism":
            district = await last_district(turn)
            if district:
                entities = (*parse.entities, Entity("location", district))
                turn.parse = replace(parse, entities=entities)
        return
    if parse.intent == "order_create" and memory.candidates:
        # One mention of several products: the checkout asks which, keeping the quantity.
        shown = tuple(Entity("product", pid, 0, 0) for pid in memory.candidates)
        turn.parse = replace(parse, entities=(*parse.entities, *shown))
    elif parse.intent == "shop_search" and memory.filters.get("district"):
        entities = (*parse.entities, Entity("location", str(memory.filters["district"])))
        turn.parse = replace(parse, entities=entities)


async def _about_the_place(turn: Turn, folded: str) -> None:
    """ "ở đó có gì mua" / "what can I buy there": the district of the last answer."""
    parse = turn.parse
    assert parse is not None
    district = await last_district(turn)
    if district is None:
        return
    intent = parse.intent if parse.intent not in UNSURE else None
    if _has(folded, PLAY_CUES):
        intent = "tourism_suggest"
    elif _has(folded, SHOP_CUES):
        intent = "shop_search"
    elif _has(folded, BUY_CUES) or intent is None:
        intent = "product_search"
    entities = (*parse.entities, Entity("location", district))
    turn.parse = replace(parse, intent=intent, confidence=1.0, entities=entities)
    turn.memory.products = []


async def last_district(turn: Turn) -> str | None:
    """The district of the last answer: a tourism or search district, a shop, a product."""
    memory = turn.memory
    service = catalog(turn)
    if memory.topic == "tourism" and memory.tour.get("district"):
        return str(memory.tour["district"])
    if memory.topic == "search" and memory.filters.get("district"):
        return str(memory.filters["district"])
    if memory.topic in ("shops", "tourism") and memory.places:
        place = await service.get_place(memory.places[0])
        if place is not None and place.district_id:
            return place.district_id
    if memory.products:
        product = await service.get_product(memory.products[0])
        if product is not None:
            return product.district_id
    return None
