"""Questions the NLU has no intent for yet, read from their words before routing.

"hội chợ OCOP sắp tới" is a tourism question even when the classifier is unsure, and
"Quảng Ninh có bao nhiêu sản phẩm OCOP" asks for the figures, not for a product search.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.router import LOW_CONFIDENCE
from bot.core.turn import Turn
from bot.handlers.event_query import is_event_question
from bot.handlers.what_is import is_what_is
from catalog.text import fold

FIGURE_CUES = re.compile(
    r"\b(?:bao nhieu|may|so luong|tong so)\s+(?:san pham|sp)\b"
    r"|\b(?:how many|number of)\s+(?:[\w-]+\s+){0,2}products?\b"
    r"|\bco bao nhieu\b.*\b(?:ocop|sao)\b"
)
# Intents a fair or figures question is often mistaken for; others (orders) are left alone.
REROUTABLE = {
    "out_of_scope", LOW_CONFIDENCE, "product_search", "tourism_suggest", "inform", "shop_search",
    "product_info", "greet", "help",
}  # fmt: skip
UNSURE = {"out_of_scope", LOW_CONFIDENCE, "inform"}
FIGURES = "catalog_figures"
TOURISM = "tourism_suggest"


def is_figures_question(text: str) -> bool:
    return bool(FIGURE_CUES.search(fold(text)))


async def read_events_and_figures(turn: Turn) -> None:
    """Routes fair/festival questions to tourism_suggest and "how many" ones to the figures."""
    parse = turn.parse
    if parse is None or parse.intent not in REROUTABLE:
        return
    if parse.intent == "product_info" and parse.values("product"):
        return  # "trà hoa vàng là gì" stays a product question
    if is_figures_question(parse.text) and not parse.values("product"):
        turn.parse = replace(parse, intent=FIGURES, confidence=1.0)
    elif parse.intent in UNSURE and parse.values("product") and is_what_is(parse.text):
        turn.parse = replace(parse, intent="product_info", confidence=1.0)
    elif is_event_question(parse.text) and parse.intent != TOURISM:
        turn.parse = replace(parse, intent=TOURISM, confidence=1.0)
