"""The catalog vocabulary handed to the NLU: products, districts and places."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ProductEntry:
    """A product as the NLU needs it."""

    id: str
    name_vi: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    category: str = ""
    district: str = ""
    producer: str = ""


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A district or a place (site, festival, sales point)."""

    id: str
    name_vi: str
    name_en: str = ""
    kind: str = "district"
    district: str = ""


@dataclass(frozen=True, slots=True)
class CatalogLexicon:
    """Product, district and place names to recognise in messages.

    Build it with :meth:`from_dicts` from plain dicts (catalog rows or seed YAML).
    """

    products: tuple[ProductEntry, ...] = ()
    districts: tuple[PlaceEntry, ...] = ()
    places: tuple[PlaceEntry, ...] = field(default_factory=tuple)

    @classmethod
    def from_dicts(
        cls,
        products: Iterable[Mapping[str, Any]] = (),
        districts: Iterable[Mapping[str, Any]] = (),
        places: Iterable[Mapping[str, Any]] = (),
    ) -> CatalogLexicon:
        """Builds a lexicon from dicts with the catalog's field names.

        Args:
            products: Dicts with ``id``, ``name_vi``, ``name_en``, ``aliases``, ``category``,
                ``district``, ``producer_name`` (or the seed's ``producer`` id); other keys
                are ignored.
            districts: Dicts with ``id``, ``name_vi``, ``name_en``.
            places: Dicts with ``id``, ``name_vi``, ``name_en``, ``kind``, ``district``.

        Returns:
            The lexicon.
        """
        return cls(
            products=tuple(
                ProductEntry(
                    id=str(row["id"]),
                    name_vi=str(row.get("name_vi") or ""),
                    name_en=str(row.get("name_en") or ""),
                    aliases=tuple(str(alias) for alias in row.get("aliases") or ()),
                    category=str(row.get("category") or ""),
                    district=str(row.get("district") or row.get("district_id") or ""),
                    producer=str(row.get("producer_name") or row.get("producer") or ""),
                )
                for row in products
            ),
            districts=tuple(_place(row, "district") for row in districts),
            places=tuple(_place(row, str(row.get("kind") or "place")) for row in places),
        )

    def fingerprint(self) -> str:
        """Returns a short hash of the whole lexicon (part of the model cache key)."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _place(row: Mapping[str, Any], kind: str) -> PlaceEntry:
    """Builds a place entry from a dict."""
    return PlaceEntry(
        id=str(row["id"]),
        name_vi=str(row.get("name_vi") or ""),
        name_en=str(row.get("name_en") or ""),
        kind=kind,
        district=str(row.get("district") or row.get("district_id") or ""),
    )


def load_lexicon(path: Path) -> CatalogLexicon:
    """Reads a catalog YAML with ``products``, ``districts`` and ``places`` lists.

    Args:
        path: The seed catalog or the sourced facts file (same keys).

    Returns:
        The lexicon.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader) or {}
    return CatalogLexicon.from_dicts(
        products=data.get("products") or (),
        districts=data.get("districts") or (),
        places=data.get("places") or (),
    )
