"""Product search and gift suggestions: filters from the message or the context, paged."""

from __future__ import annotations

from typing import Any

from bot.core.messages import Button, Reply
from bot.core.numbers import page_number
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.context import catalog, district_label, mentioned_place, product_mentions
from bot.handlers.menu import menu_button
from bot.handlers.search_filters import describe_filters, filters_from, refines

RESULTS = "search:results"


async def search_products(turn: Turn) -> Outcome:
    """Finds products by category, stars, place and budget (remembering the last filters)."""
    where = await mentioned_place(turn)
    mentioned = [i for ids in product_mentions(turn.parse) for i in ids]
    refine = turn.intent != "product_search" or refines(turn)
    filters = filters_from(turn.parse, where.district_id, mentioned, turn.memory.filters, refine)
    if where.unknown and not where.district_id:
        return Outcome([turn.say("search.unknown_place", menu_button(turn))])
    return await show_page(turn, filters, 0)


async def show_results_page(turn: Turn) -> Outcome:
    """Shows another page of the last search."""
    arg = turn.payload.arg if turn.payload else None
    page = page_number(arg)
    return await show_page(turn, dict(turn.memory.filters), page)


async def search_category(turn: Turn) -> Outcome:
    """Lists the products of the category on the pressed button."""
    return await show_page(turn, {"category": turn.payload.arg if turn.payload else None}, 0)


async def search_district(turn: Turn) -> Outcome:
    """Lists the products of the district on the pressed button."""
    return await show_page(turn, {"district": turn.payload.arg if turn.payload else None}, 0)


async def suggest_gifts(turn: Turn) -> Outcome:
    """Suggests OCOP products, best rated first, without filters."""
    return await show_page(turn, {}, 0)


async def search_similar(turn: Turn) -> Outcome:
    """Lists products of the same category as the product on the pressed button."""
    product = await catalog(turn).get_product(turn.payload.arg if turn.payload else "")
    if product is None:
        return Outcome([turn.say("product.not_found", menu_button(turn))])
    return await show_page(turn, {"category": product.category}, 0)


async def show_page(turn: Turn, filters: dict[str, Any], page: int) -> Outcome:
    """Runs the search with `filters` and shows page `page` with product and pager buttons."""
    filters = {k: v for k, v in filters.items() if v not in (None, [], "")}
    size = turn.settings.page_size
    found = await catalog(turn).search_products(**filters, offset=page * size, limit=size)
    memory = turn.memory
    memory.filters, memory.page, memory.topic = filters, page, "search"
    criteria = await describe_filters(turn, filters)
    priced = "price_max" in filters or "price_min" in filters
    if not found.items and priced and page == 0:
        unpriced = {k: v for k, v in filters.items() if k not in ("price_max", "price_min")}
        outcome = await show_page(turn, unpriced, 0)
        note = Reply(turn.t("search.no_price_match", criteria=criteria))
        return Outcome([note, *outcome.replies], outcome.step)
    if not found.items and page == 0 and filters.get("ids") and filters.get("district"):
        # "we are in Ha Long, show me all the oyster products": the products asked for by
        # name exist, only not from that place; show them rather than "nothing found".
        elsewhere = await _named_elsewhere(turn, filters)
        if elsewhere is not None:
            return elsewhere
    if not found.items:
        memory.candidates = []
        text = turn.t("search.none", criteria=criteria)
        buttons = [turn.button("button.all_products", "p:gift"), menu_button(turn)]
        if filters.get("district") and len(filters) > 1:
            district_only = make_payload("p", "dist", filters["district"])
            buttons.insert(0, turn.button("button.products_here", district_only))
        return Outcome([Reply(text, tuple(buttons))])
    memory.candidates = [p.id for p in found.items]
    memory.products = []
    pages = (found.total + size - 1) // size
    header = "search.found" if filters else "search.suggest"
    lines = [turn.t(header, total=found.total, criteria=criteria, page=page + 1, pages=pages)]
    lines += [render.product_line(turn, page * size + i + 1, p) for i, p in enumerate(found.items)]
    if priced:
        lines.append(turn.t("search.prices_rare"))
    buttons = [
        Button(render.product_name(turn, p), make_payload("p", "info", p.id)) for p in found.items
    ]
    if page > 0:
        buttons.append(turn.button("button.previous", make_payload("p", "page", page - 1)))
    if (page + 1) * size < found.total:
        buttons.append(turn.button("button.next", make_payload("p", "page", page + 1)))
    buttons.append(menu_button(turn))
    return Outcome([Reply("\n".join(lines), tuple(buttons), replace_previous=page > 0)], RESULTS)


async def _named_elsewhere(turn: Turn, filters: dict[str, Any]) -> Outcome | None:
    """The named products of a search without its place, after a line saying none of them
    is made there (None when they are not found at all)."""
    named = {key: value for key, value in filters.items() if key != "district"}
    if not (await catalog(turn).search_products(**named, offset=0, limit=1)).items:
        return None
    district = await catalog(turn).get_district(filters["district"])
    place = district_label(turn, district) if district else filters["district"]
    outcome = await show_page(turn, named, 0)
    note = Reply(turn.t("search.not_made_there", place=place))
    return Outcome([note, *outcome.replies], outcome.step)


def setup(router: Router) -> None:
    """Registers product search, gift suggestions and paging."""
    router.on_intent("product_search", search_products)
    router.on_payload("p:page", show_results_page)
    router.on_payload("p:cat", search_category)
    router.on_payload("p:dist", search_district)
    router.on_payload("p:like", search_similar)
    router.on_payload("p:gift", suggest_gifts)
