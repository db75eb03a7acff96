"""Answers to "which one?" typed as words ("Quy Hoa", "cái ở Ba Chẽ") instead of a button."""

from __future__ import annotations

from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.context import catalog
from bot.handlers.product_replies import CHOOSE
from catalog.text import fold

ASKED_INTENTS = {"info": "product_info", "price": "product_price", "shops": "shop_search"}


async def read_choice_by_name(turn: Turn) -> None:
    """While "which product?" is open, words that name some of the candidates pick them."""
    parse = turn.parse
    candidates = turn.memory.candidates
    if turn.conv.step != CHOOSE or parse is None or not candidates:
        return
    if parse.values("product") or not fold(parse.text):
        return
    words = fold(parse.text).split()
    chosen = []
    for product in await catalog(turn).get_products(candidates):
        names = " ".join(
            (product.name_vi, product.name_en or "", render.district_of(turn, product))
        )
        if all(f" {word}" in f" {fold(names)}" for word in words):
            chosen.append(product.id)
    if not chosen or len(chosen) == len(candidates):
        return
    intent = ASKED_INTENTS.get(turn.memory.asked or "", "product_info")
    entities = tuple(Entity("product", pid, 0, len(parse.text)) for pid in chosen)
    turn.parse = replace(parse, intent=intent, confidence=1.0, entities=entities)
