"""The seed check: every field of every product, place and event in a fresh database
against the sourced facts file. Nulls stay null; every facts key is accounted for."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml

from catalog.seed.series import SERIES
from catalog.services import CatalogService
from tests.facts import FACTS

# Every key the facts may hold, per section: a new key fails here until it is mapped.
PRODUCT_KEYS = {
    "id", "name_vi", "name_en", "aliases", "category", "stars", "star_level", "star_year",
    "producer", "district", "price", "note", "note_vi", "note_en", "source", "also_source",
    "confidence", "more_sources", "price_context", "price_note", "price_source",
    "producer_note", "star_note", "star_source", "vietgap", "ocop_status",
}  # fmt: skip
PLACE_KEYS = {
    "id", "kind", "name_vi", "address", "district", "facts", "lat", "lon", "coord_confidence",
    "coord_note", "source", "also_source", "confidence", "note_vi", "note_en", "more_sources",
    "venue", "season", "ocop_link", "source_note", "sells", "sells_note",
}  # fmt: skip
EVENT_KEYS = {
    "id", "kind", "name_vi", "name_en", "date_start", "date_end", "dates_as_stated",
    "recurring", "venue", "place", "district", "products_featured", "facts", "source",
    "also_source", "confidence",
}  # fmt: skip
# The prices sources quote (lowest, highest VND), and what kind of figure each is.
PRICES = {
    "ruou-ba-kich-ba-che": (300_000, None, "news"),
    "muc-ong-co-to-kho": (1_800_000, 1_900_000, "news"),
    "muc-mot-nang-co-to": (600_000, 700_000, "news"),
    "tinh-dau-so-binh-lieu": (450_000, 550_000, "market"),
    "khau-nhuc-tien-yen": (100_000, 120_000, "fair"),
}


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


def urls(fact: dict[str, Any]) -> list[str]:
    found = [fact.get(k) for k in ("source", "also_source", "price_source", "star_source")]
    found.append((fact.get("price_context") or {}).get("source"))
    return [u for u in found + list(fact.get("more_sources") or []) if u]


def check_sources(fact: dict[str, Any], sources: tuple[str, ...]) -> None:
    assert set(urls(fact)) <= set(sources), fact["id"]
    if fact.get("source"):
        assert sources[0] == fact["source"], fact["id"]  # the main source first
    else:
        assert sources == (), fact["id"]


async def test_every_product_field(catalog: CatalogService, facts: dict) -> None:
    assert (await catalog.search_products(limit=1)).total == 106
    for fact in facts["products"]:
        assert set(fact) <= PRODUCT_KEYS, set(fact) - PRODUCT_KEYS
        got = await catalog.get_product(fact["id"])
        assert got is not None, fact["id"]
        year = fact.get("star_year")
        assert (
            got.name_vi, got.name_en, got.aliases, got.category, got.stars, got.star_level,
            got.star_year, got.producer_id, got.district_id, got.confidence,
        ) == (
            fact["name_vi"], fact.get("name_en"), tuple(fact.get("aliases") or ()),
            fact["category"], fact.get("stars"), fact.get("star_level"),
            None if year is None else str(year), fact.get("producer"), fact.get("district"),
            fact.get("confidence"),
        ), fact["id"]  # fmt: skip
        assert (got.description_vi, got.description_en) == (fact["note_vi"], fact["note_en"])
        assert got.ocop_status == fact.get("ocop_status")
        assert got.unit is None and got.description is None  # no source gives these
        check_sources(fact, got.sources)
        notes = [fact.get(k) for k in ("note", "producer_note", "star_note")]
        for text in filter(None, notes):
            assert got.note is not None and text in got.note, fact["id"]
        context = fact.get("price_context")
        if context:
            assert got.note is not None and context["value"] in got.note
        if not any(notes) and not context and not fact.get("vietgap"):
            assert got.note is None, fact["id"]
        quoted = fact.get("price")
        if quoted is None:
            assert got.price is None and got.price_vnd is None and got.price_note is None
            continue
        price = got.price
        assert price is not None
        assert (price.min_vnd, price.max_vnd, price.kind) == PRICES[fact["id"]]
        assert (price.stated, price.unit, price.date) == (
            quoted["value"],
            quoted["unit"],
            quoted.get("date"),
        )
        assert price.source == (fact.get("price_source") or fact["source"])
        assert price.set_by is None and got.price_vnd == price.min_vnd
    priced = (await catalog.search_products(price_min=0, limit=100)).items
    assert {p.id for p in priced} == set(PRICES)


async def test_every_place_field(catalog: CatalogService, facts: dict) -> None:
    assert len(await catalog.places()) == 31
    for fact in facts["places"]:
        assert set(fact) <= PLACE_KEYS, set(fact) - PLACE_KEYS
        got = await catalog.get_place(fact["id"])
        assert got is not None, fact["id"]
        kind = "rest_stop" if fact["kind"] == "rest_stop_ocop_display" else fact["kind"]
        keys = ("address", "lat", "lon", "season", "facts", "ocop_link", "venue", "confidence")
        assert (got.kind, got.name_vi, got.name_en, got.district_id) == (
            kind, fact["name_vi"], None, fact.get("district")
        )  # fmt: skip
        assert [getattr(got, k) for k in keys] == [fact.get(k) for k in keys], fact["id"]
        assert (got.description_vi, got.description_en) == (fact["note_vi"], fact["note_en"])
        assert got.own_coords == (fact.get("lat") is not None)
        check_sources(fact, got.sources)
        for text in filter(None, (fact.get("source_note"), fact.get("sells_note"))):
            assert got.note is not None and text in got.note
        for product_id in fact.get("sells") or []:
            assert fact["id"] in {p.id for p in await catalog.places_selling(product_id)}


async def test_every_event_field(catalog: CatalogService, facts: dict) -> None:
    assert len(await catalog.events(include_past=True)) == 41
    for fact in facts["events"]:
        assert set(fact) <= EVENT_KEYS, set(fact) - EVENT_KEYS
        got = await catalog.get_event(fact["id"])
        assert got is not None, fact["id"]
        start, end = fact.get("date_start"), fact.get("date_end")
        assert (
            got.kind, got.name_vi, got.name_en, got.date_start, got.date_end,
            got.dates_as_stated, got.recurring, got.venue, got.place_id, got.district_id,
            got.products_featured, got.facts, got.confidence,
        ) == (
            fact["kind"], fact["name_vi"], fact.get("name_en"),
            start and datetime.date.fromisoformat(str(start)),
            end and datetime.date.fromisoformat(str(end)),
            fact.get("dates_as_stated"), fact.get("recurring"), fact.get("venue"),
            fact.get("place"), fact.get("district"), tuple(fact["products_featured"]),
            fact.get("facts"), fact.get("confidence"),
        ), fact["id"]  # fmt: skip
        check_sources(fact, got.sources)
        assert got.series == fact["kind"].endswith("_series")
        if got.series:
            usual = SERIES[fact["id"]]
            assert (got.months, got.usual_time_vi, got.usual_time_en) == (
                tuple(sorted(usual.months)), usual.vi, usual.en
            )  # fmt: skip
        else:
            assert got.usual_time_vi is None and got.usual_time_en is None
            if got.date_start:
                assert got.date_start.month in got.months and got.year == got.date_start.year


async def test_figures_and_platforms(catalog: CatalogService, facts: dict) -> None:
    province = await catalog.figures()
    assert len(province) == len(facts["province_figures"])
    newest = province[0]
    assert (newest.as_of, newest.products_3_to_5_star) == ("2025-11-03", 437)
    assert newest.stars == {"three": 326, "four": 103, "five_national": 8}
    assert "vietnamnet.vn" in newest.source
    van_don = await catalog.figures("van-don")
    assert [(f.products_total, f.stars) for f in van_don] == [
        (53, {"three": 41, "four": 11, "five": 1})
    ]
    channels = [p["channel"] for p in await catalog.online_platforms()]
    assert sorted(channels) == sorted(e["channel"] for e in facts["ecommerce"])
