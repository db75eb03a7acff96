"""A seller's own price where a product is shown: beside the news figures, as the seller's."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.turn import Turn
from bot.handlers.payments.prices import price_text
from catalog.payments.prices import SellerPrices


async def seller_price_line(turn: Turn, product_id: str) -> str | None:
    """ "Giá người bán: 120.000 đ/chai 500ml (cập nhật 05/12/2026)", or None without one."""
    price = (await SellerPrices(turn.session).for_products([product_id])).get(product_id)
    if price is None:
        return None
    date = price.set_at.strftime("%d/%m/%Y")
    return turn.t("payments.seller_price", price=price_text(turn, price), date=date)


async def with_seller_price(turn: Turn, reply: Reply, product_id: str) -> Reply:
    """The reply with the seller's price added after its first line (the title)."""
    line = await seller_price_line(turn, product_id)
    if line is None:
        return reply
    title, _, rest = reply.text.partition("\n")
    return Reply(
        f"{title}\n{line}\n{rest}".rstrip("\n"), reply.buttons, reply.location, reply.image
    )
