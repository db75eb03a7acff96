"""Product replies: the card, the price, a comparison, and the "which one?" question."""

from __future__ import annotations

import logging

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.context import catalog
from bot.handlers.menu import menu_button
from bot.handlers.payments.shown import with_seller_price
from catalog.dto import ProductDTO

logger = logging.getLogger(__name__)

CHOOSE = "products:choose"
MAX_CHOICES = 8


async def product_card(turn: Turn, product: ProductDTO) -> Reply:
    """Builds the card: stars, producer, district, what it is, price, where to buy, source."""
    sellers = await catalog(turn).places_selling(product.id)
    lines = [
        turn.t("product.title", name=render.product_name(turn, product)),
        render.stars_text(turn, product),
        turn.t("product.producer", producer=product.producer_name or turn.t("common.unknown")),
        turn.t("product.district", district=render.district_of(turn, product)),
        turn.t("product.category", category=render.category_name(turn, product.category)),
    ]
    note = render.note_text(product)
    if note:
        lines.append(turn.t("product.note", note=note))
    lines.append(render.price_text(turn, product))
    if sellers:
        names = ", ".join(render.place_name(turn, p) for p in sellers[:3])
        lines.append(turn.t("product.sold_at", places=names))
    else:
        lines.append(turn.t("product.sold_at_unknown"))
    lines.append(render.source_text(turn, product.sources))
    buttons = (
        turn.button("button.where_to_buy", make_payload("p", "shops", product.id)),
        turn.button("button.similar", make_payload("p", "like", product.id)),
        menu_button(turn),
    )
    return Reply("\n".join(lines), buttons=buttons)


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
        turn.button("button.where_to_buy", make_payload("p", "shops", product.id)),
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
                    "  " + render.stars_text(turn, product),
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
        # payments (issue 16): the seller's own price, shown as the seller's
        return Outcome([await with_seller_price(turn, reply, product.id)])
    return ask_choice(turn, products, asked)


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
