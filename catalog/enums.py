"""Closed vocabularies of the catalog (kept as strings in the database for portability)."""

from __future__ import annotations

PRODUCER_TYPES = ("company", "cooperative", "household")

CATEGORIES = (
    "beverage",
    "cakes_sweets",
    "eggs",
    "fish_sauce",
    "flowers",
    "fruit",
    "handicraft",
    "herbal",
    "honey",
    "meat",
    "mushroom",
    "noodles",
    "poultry",
    "rice",
    "seafood",
    "tea",
    "tourism_service",
    "vegetable",
    "wine_liquor",
)

PLACE_KINDS = (
    "ocop_center",
    "ocop_sales_point",
    "fair_venue",
    "rest_stop",
    "producer_visit",
    "tourism_site",
    "festival",
    # Edition 2:
    "festival_venue",
    "ocop_store",
    "local_market",
    "heritage_site",
    "producer_facility",
)

#: Kinds where a visitor can buy OCOP products.
SHOP_KINDS = ("ocop_center", "ocop_sales_point", "rest_stop", "ocop_store", "local_market")

#: OCOP centres, sales points and stores: the "where to buy" fallback of a district.
OCOP_CENTRE_KINDS = ("ocop_center", "ocop_sales_point", "ocop_store")

#: Events: dated editions, and recurring series (kinds ending in ``_series``).
EVENT_KINDS = (
    "ocop_fair",
    "festival",
    "trade_fair",
    "ocop_trade_week",
    "ocop_fair_series",
    "festival_series",
)

#: What a structured price is: a news figure, a market price, a fair price, a seller's own.
PRICE_KINDS = ("news", "market", "fair", "seller")

CONFIDENCES = ("high", "medium", "low")
