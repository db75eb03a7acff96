"""Answers to "which one?" typed as words ("Quy Hoa", "cái ở Ba Chẽ") instead of a button;
also after a list of products shown as buttons ("the Newstar one")."""

from __future__ import annotations

from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.checkout.draft import PRODUCT, Draft
from bot.handlers.context import catalog
from bot.handlers.product_replies import CHOOSE
from catalog.text import fold

# Words around a choice that name nothing: "cái ở Hải Hà", "the one from Ba Che".
FILLER = frozenset((
    "cai", "o", "loai", "con", "chiec", "thu", "ben", "cua", "san", "pham", "lay", "chon",
    "the", "one", "from", "in", "at", "of", "a", "i", "want", "please",
))  # fmt: skip
ASKED_INTENTS = {"info": "product_info", "price": "product_price", "shops": "shop_search"}
SHOWN = "p:info:"  # a product's button in a list (search results, "also matching")


def _open_choice(turn: Turn) -> list[str]:
    """The product ids of the open "which one?" question (product or checkout), else those
    of the list whose buttons were just shown."""
    if turn.conv.step == CHOOSE:
        return turn.memory.candidates
    if turn.conv.step == PRODUCT:
        draft = Draft.load(turn.memory)
        return draft.choices if draft else []
    parse = turn.parse
    if parse is not None and (parse.values("location") or parse.values("category")):
        return []  # "Vân Đồn" after a list asks for another list, not one of these
    shown = {option[len(SHOWN) :] for option in turn.conv.options if option.startswith(SHOWN)}
    return [pid for pid in turn.memory.candidates if pid in shown]


async def read_choice_by_name(turn: Turn) -> None:
    """While "which product?" is open, words that name some of the candidates pick them."""
    parse = turn.parse
    candidates = _open_choice(turn)
    if parse is None or not candidates:
        return
    if parse.values("product") or not fold(parse.text):
        return
    words = [w for w in fold(parse.text).split() if w not in FILLER] or fold(parse.text).split()
    chosen = []
    for product in await catalog(turn).get_products(candidates):
        names = " ".join(
            (product.name_vi, product.name_en or "", render.district_of(turn, product))
        )
        if all(f" {word}" in f" {fold(names)}" for word in words):
            chosen.append(product.id)
    if not chosen or len(chosen) == len(candidates):
        return
    asked = turn.memory.asked if turn.conv.step == CHOOSE else None
    intent = ASKED_INTENTS.get(asked or "", "product_info")  # as its button would
    intent = "inform" if turn.conv.step == PRODUCT else intent
    entities = tuple(Entity("product", pid, 0, len(parse.text)) for pid in chosen)
    turn.parse = replace(parse, intent=intent, confidence=1.0, entities=entities)
