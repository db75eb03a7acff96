"""Search filters: read from a parse, merged with the last search, described in words."""

from __future__ import annotations

from typing import Any

from bot.core.nlu import Parse
from bot.core.numbers import clamped_int
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.context import catalog, district_label
from catalog.text import fold

# price_max meaning "any published price": keeps only the priced products. Also the most a
# budget can say: prices are 32-bit integers in the database.
PRICED = 2_000_000_000
# Folded words that narrow the last search instead of starting a new one.
REFINE_CUES = (
    "chi ", "thoi", "only", "just ", "con ", "nua", "more", "re hon", "cheaper", "trong do",
    "trong so do", "among", "loc ", "filter", "nhung ", "but ", "of those", "in those",
)  # fmt: skip
# Mentioning one of these starts a new search; mentioning only the others refines the last.
SUBJECT_KEYS = ("category", "ids")


def refines(turn: Turn) -> bool:
    """True when the message narrows the last search ("chỉ loại 5 sao thôi", "cheaper")."""
    if not turn.memory.filters or turn.memory.topic != "search" or turn.parse is None:
        return False
    folded = f" {fold(turn.parse.text)} "
    return any(f" {cue}" in folded for cue in REFINE_CUES)


def _int(value: Any) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return clamped_int(number)  # "dưới 10^20 đồng" is no upper bound, not a crash


def _budget(value: Any) -> int | None:
    amount = _int(value)
    return None if amount is None else max(0, min(amount, PRICED))


def filters_from(
    parse: Parse | None,
    district: str | None,
    product_ids: list[str],
    previous: dict[str, Any],
    refine: bool = True,
) -> dict[str, Any]:
    """Builds the search filters of this message.

    Args:
        parse: the message's parse (None for a button).
        district: the district id the message names, if any.
        product_ids: products the message mentions.
        previous: the filters of the last search, reused when this message only refines
            them ("how about in Móng Cái?", "dưới 300k thôi").
        refine: False when the message is a new search of its own; a bare place still
            refines.

    Returns:
        Filters for CatalogService.search_products (category, stars, district, price_min,
        price_max, ids).
    """
    found: dict[str, Any] = {"district": district, "ids": product_ids or None}
    if parse is not None:
        found["category"] = parse.first("category")
        found["stars"] = _int(parse.first("stars"))
        found["price_max"] = _budget(parse.first("price_max"))
        found["price_min"] = _budget(parse.first("price_min"))
    found = {k: v for k, v in found.items() if v is not None}
    if not found or any(k in found for k in SUBJECT_KEYS):
        return found
    if not refine:
        return found  # a new search starts afresh; a new topic is not merged with the old
    return {**previous, **found}


async def describe_filters(turn: Turn, filters: dict[str, Any]) -> str:
    """Says the filters in words, e.g. " · Trà · 5 sao · Hạ Long · ≤ 500.000 đ"."""
    parts: list[str] = []
    if filters.get("ids"):
        products = await catalog(turn).get_products(filters["ids"][:3])
        parts.append(", ".join(render.product_name(turn, p) for p in products))
    if filters.get("category"):
        parts.append(render.category_name(turn, filters["category"]))
    if filters.get("stars"):
        parts.append(turn.t("product.stars_short", stars=filters["stars"]))
    if filters.get("min_stars"):
        parts.append(turn.t("search.min_stars", stars=filters["min_stars"]))
    if filters.get("district"):
        district = await catalog(turn).get_district(filters["district"])
        parts.append(district_label(turn, district) if district else filters["district"])
    if filters.get("price_min"):
        parts.append(turn.t("search.price_min", amount=render.vnd(filters["price_min"])))
    if filters.get("price_max") and filters["price_max"] >= PRICED:
        parts.append(turn.t("convo.priced"))
    elif filters.get("price_max"):
        parts.append(turn.t("search.price_max", amount=render.vnd(filters["price_max"])))
    return "".join(f" · {part}" for part in parts)
