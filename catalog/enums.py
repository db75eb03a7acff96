"""Closed vocabularies of the catalog (kept as strings in the database for portability)."""

from __future__ import annotations

PRODUCER_TYPES = ("company", "cooperative", "household")

CATEGORIES = (
    "beverage",
    "eggs",
    "fish_sauce",
    "fruit",
    "handicraft",
    "herbal",
    "meat",
    "mushroom",
    "noodles",
    "poultry",
    "rice",
    "seafood",
    "tea",
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
)

#: Kinds where a visitor can buy OCOP products.
SHOP_KINDS = ("ocop_center", "ocop_sales_point", "rest_stop")

CONFIDENCES = ("high", "medium", "low")
