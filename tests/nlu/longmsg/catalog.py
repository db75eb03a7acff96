"""The edition-2 gazetteer for the NLU tests and bench, read from the sourced facts file.

Ground truth for a product mention comes from the catalog itself: a name or alias stands for
every product that carries exactly that name or alias (folded), nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[3]
SHARED_FACTS = REPO.parent / "shared" / "ocop" / "catalog-facts.yaml"
VENDORED_FACTS = REPO / "catalog" / "seed" / "facts" / "catalog-facts.yaml"


def facts_path() -> Path:
    """The shared facts file when present, else the repo's copy."""
    return SHARED_FACTS if SHARED_FACTS.exists() else VENDORED_FACTS


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[dict[str, Any]]]:
    """Products, districts and places in the shape of ``CatalogService.gazetteer()``."""
    data = yaml.safe_load(facts_path().read_text(encoding="utf-8")) or {}
    products = [
        {
            key: row.get(key)
            for key in ("id", "name_vi", "name_en", "aliases", "category", "district")
        }
        for row in data.get("products") or []
    ]
    districts = [
        {key: row.get(key) for key in ("id", "name_vi", "name_en")}
        for row in data.get("districts") or []
    ]
    places = [
        {key: row.get(key) for key in ("id", "name_vi", "name_en", "kind", "district")}
        for row in data.get("places") or []
    ]
    return {"products": products, "districts": districts, "places": places}


def fold(text: str) -> str:
    """Lowercase, no diacritics, single spaces."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", text))


def _names(row: dict[str, Any]) -> list[str]:
    names = [row["name_vi"], row.get("name_en") or "", *(row.get("aliases") or [])]
    return [re.sub(r"\([^)]*\)", " ", name).strip() for name in names if name]


@lru_cache(maxsize=4096)
def products_named(mention: str) -> tuple[str, ...]:
    """The ids of every product whose name or alias is ``mention`` (folded comparison)."""
    key = fold(mention)
    return tuple(
        sorted(
            row["id"]
            for row in gazetteer()["products"]
            if key in {fold(name) for name in _names(row)}
        )
    )


def specific_mentions(row: dict[str, Any]) -> list[str]:
    """Names of one product that name at most two products and have two words or more."""
    names = [row["name_vi"], *(row.get("aliases") or [])]
    return [
        name
        for name in names
        if "(" not in name and len(name.split()) >= 2 and len(products_named(name)) <= 2
    ]


def products_starting(phrase: str) -> list[str]:
    """Ids of the products with a Vietnamese name or alias that starts with ``phrase``:
    what a generic mention ("trà hoa vàng", "nước mắm") stands for in this catalog."""
    key = fold(phrase)
    return sorted(
        row["id"]
        for row in gazetteer()["products"]
        if any(fold(n).startswith(key) for n in (row["name_vi"], *(row.get("aliases") or [])))
    )
