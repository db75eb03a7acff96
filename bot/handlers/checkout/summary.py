"""The summary shown before placing: items, prices, total, producers, contact, delivery."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.checkout.draft import HOME, Draft
from bot.handlers.context import catalog
from catalog.dto import ProductDTO


def unit_price(product: ProductDTO) -> int | None:
    """One exact catalog price per unit, else None (the producer quotes it)."""
    if product.price_max_vnd not in (None, product.price_vnd):
        return None
    return product.price_vnd


async def summary(turn: Turn, draft: Draft) -> Reply:
    """Items with prices, total, producers, contact, delivery and payment; Confirm/Edit/Cancel."""
    products = {p.id: p for p in await catalog(turn).get_products(draft.product_ids)}
    lines, total, producers = [turn.t("checkout.summary")], 0, []
    for item in draft.items:
        product = products.get(item["product"])
        if product is None:
            continue
        price = unit_price(product)
        each = (
            turn.t("checkout.each", price=render.vnd(price))
            if price
            else turn.t("checkout.no_price")
        )
        unit = product.price_unit or product.unit or item.get("unit") or ""
        lines.append(f"• {item['quantity']} {unit} {render.product_name(turn, product)} — {each}")
        total = None if price is None or total is None else total + price * item["quantity"]
        name = product.producer_name or turn.t("orders.producer.unknown")
        producers += [name] if name not in producers else []
    lines.append(
        turn.t("checkout.total", total=render.vnd(total))
        if total is not None
        else turn.t("checkout.total_unknown")
    )
    lines.append(
        turn.t("checkout.producers", producers=", ".join(producers), count=len(producers))
    )
    lines.append(turn.t("checkout.contact", name=draft.name, phone=draft.phone))
    lines.append(await delivery_text(turn, draft))
    lines.append(
        turn.t("orders.payment.cod" if draft.delivery == HOME else "orders.payment.pickup")
    )
    if draft.note:
        lines.append(turn.t("checkout.note", note=draft.note))
    buttons = (
        turn.button("checkout.confirm", "ck:ok"),
        turn.button("checkout.edit", "ck:edit"),
        turn.button("checkout.cancel", "ck:quit"),
    )
    return Reply("\n".join(lines), buttons)


async def delivery_text(turn: Turn, draft: Draft) -> str:
    if draft.delivery == HOME:
        return turn.t("orders.delivery.address", address=draft.address)
    place = await catalog(turn).get_place(draft.place_id or "")
    return turn.t("orders.delivery.pickup", place=render.place_name(turn, place) if place else "")
