"""Product replies: the price, a comparison, "X là gì", and the "which one?" question."""

from __future__ import annotations

import logging

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.cards.labels import source_button, stars_badge
from bot.handlers.cards.product import product_card
from bot.handlers.context import catalog
from bot.handlers.menu import menu_button
from bot.handlers.what_is import best_match, is_what_is
from catalog.dto import ProductDTO

logger = logging.getLogger(__name__)

CHOOSE = "products:choose"
MAX_CHOICES = 8


def price_reply(turn: Turn, product: ProductDTO) -> Reply:
    """Says the price of one product, with its source."""
    text = "\n".join(
        (
            turn.t("price.title", name=render.product_name(turn, product)),
            render.price_text(turn, product),
            render.source_text(turn, product.sources),
        )
    )
    buttons = (
        turn.button("button.details", make_payload("p", "info", product.id)),
        turn.button("card.button.where", make_payload("p", "shops", product.id)),
        *source_button(turn, product.sources),
    )
    return Reply(text, buttons=buttons)


def compare_reply(turn: Turn, products: list[ProductDTO]) -> Reply:
    """Puts two or more products side by side: stars, producer, district, price, source."""
    blocks = [turn.t("compare.title")]
    for product in products:
        blocks.append(
            "\n".join(
                (
                    f"▸ {render.product_name(turn, product)}",
                    "  " + stars_badge(turn, product),
                    "  " + turn.t("product.producer", producer=product.producer_name or "—"),
                    "  " + turn.t("product.district", district=render.district_of(turn, product)),
                    "  " + render.price_text(turn, product).replace("\n", "\n  "),
                    "  " + render.source_text(turn, product.sources),
                )
            )
        )
    buttons = tuple(
        Button(render.product_name(turn, p), make_payload("p", "info", p.id)) for p in products
    )
    return Reply("\n\n".join(blocks), buttons=buttons)


async def answer_about(turn: Turn, ids: list[str], asked: str) -> Outcome:
    """Answers `asked` (info, price) about one product, or asks which one with buttons."""
    products = await catalog(turn).get_products(ids[:MAX_CHOICES])
    if not products:
        return Outcome([turn.say("product.not_found", menu_button(turn))])
    if len(products) == 1:
        product = products[0]
        turn.memory.focus_products([product.id])
        turn.memory.candidates = []
        turn.memory.topic = "product"
        reply = (
            price_reply(turn, product) if asked == "price" else await product_card(turn, product)
        )
        return Outcome([reply])
    if asked == "info" and turn.parse is not None and is_what_is(turn.parse.text):
        return await describe_best(turn, products)
    return ask_choice(turn, products, asked)


async def describe_best(turn: Turn, products: list[ProductDTO]) -> Outcome:
    """Answers "X là gì" with the best match's card and a button for each other match."""
    text = turn.parse.text if turn.parse else ""
    best = best_match(text, products)
    others = [p for p in products if p.id != best.id]
    turn.memory.focus_products([best.id])
    turn.memory.candidates = [p.id for p in others]
    turn.memory.topic = "product"
    card = await product_card(turn, best)
    buttons = tuple(
        Button(f"{render.product_name(turn, p)} ({render.district_of(turn, p)})",
               make_payload("p", "info", p.id))
        for p in others
    )  # fmt: skip
    return Outcome([card, Reply(turn.t("product.also_match", count=len(others)), buttons)])


def ask_choice(turn: Turn, products: list[ProductDTO], asked: str) -> Outcome:
    """Asks which of several products is meant, one button each (`p:<asked>:<id>`)."""
    turn.memory.candidates = [p.id for p in products]
    turn.memory.asked = asked
    buttons = [
        Button(
            f"{render.product_name(turn, p)} ({render.district_of(turn, p)})",
            make_payload("p", asked, p.id),
        )
        for p in products
    ]
    return Outcome([Reply(turn.t("product.which", count=len(products)), tuple(buttons))], CHOOSE)
