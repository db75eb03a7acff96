"""The product card for a phone: name, stars, producer, what it is, price, where, source."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.payloads import make_payload
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.cards.labels import price_line, source_button, source_line, stars_badge
from bot.handlers.context import catalog
from bot.handlers.where_to_buy import WhereToBuy, platform_name, where_to_buy
from catalog.dto import ProductDTO

DESCRIPTION_CHARS = 360
WHERE_NAMES = 2
ONLINE_NAMES = 3


def description(turn: Turn, product: ProductDTO) -> str | None:
    """The description in the reply's language only (never the other one, never a note)."""
    text = product.description_en if turn.lang == "en" else product.description_vi
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def where_line(turn: Turn, where: WhereToBuy) -> str:
    names = ", ".join(render.place_name(turn, p) for p in where.places[:WHERE_NAMES])
    if where.basis == "sells":
        return turn.t("card.buy_sells", places=names)
    if where.basis == "district":
        return turn.t("card.buy_district", places=names)
    names_online = [n.strip() for p in where.online for n in platform_name(p).split(",")]
    online = ", ".join(list(dict.fromkeys(n for n in names_online if n))[:ONLINE_NAMES])
    if names:
        return turn.t("card.buy_nearest", places=names, online=online)
    return turn.t("card.buy_online", online=online)


def card_lines(turn: Turn, product: ProductDTO, where: WhereToBuy) -> list[str]:
    """The card's lines, in the reply's language; at most eight."""
    producer = product.producer_name or turn.t("card.producer_unknown")
    lines = [
        turn.t("card.title", name=render.product_name(turn, product)),
        stars_badge(turn, product),
        turn.t("card.producer", producer=producer, district=render.district_of(turn, product)),
    ]
    about = description(turn, product)
    if about:
        lines.append(about)
    if product.price is not None:
        lines.append(price_line(turn, product.price))
    lines.append(where_line(turn, where))
    lines.append(source_line(turn, product.sources))
    return lines


async def product_card(turn: Turn, product: ProductDTO) -> Reply:
    """Builds the card with its buttons: where to buy, order, similar products, source."""
    where = await where_to_buy(catalog(turn), product)
    buttons = (
        turn.button("card.button.where", make_payload("p", "shops", product.id)),
        turn.button("card.button.order", make_payload("ck", "pick", product.id)),
        turn.button("card.button.similar", make_payload("p", "like", product.id)),
        *source_button(turn, product.sources),
    )
    return Reply("\n".join(card_lines(turn, product, where)), buttons=buttons)
