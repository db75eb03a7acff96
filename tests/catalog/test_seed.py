"""The committed seed against the sourced facts file: same ids, every source, no invention."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from catalog.seed import SEED_FILE
from catalog.seed.build import build
from tests.facts import FACTS, SHARED_FACTS, VENDORED_FACTS

SECTIONS = ("districts", "producers", "products", "places")
# Facts-file key -> seed column, where the names differ.
RENAMED = {"producer": "producer_id", "district": "district_id"}


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))


def test_committed_seed_is_what_the_builder_makes(facts: dict, seed: dict) -> None:
    """Someone edited the facts or the builder without regenerating (or edited the seed)."""
    assert build(facts) == seed


@pytest.mark.parametrize("section", SECTIONS)
def test_same_ids(facts: dict, seed: dict, section: str) -> None:
    assert [row["id"] for row in seed[section]] == [row["id"] for row in facts[section]]


def test_counts(seed: dict) -> None:
    assert [len(seed[s]) for s in SECTIONS] == [13, 24, 46, 22]


@pytest.mark.parametrize("section", ["producers", "products", "places"])
def test_every_source_is_kept(facts: dict, seed: dict, section: str) -> None:
    by_id = {row["id"]: row for row in seed[section]}
    for fact in facts[section]:
        urls = {fact.get("source"), fact.get("also_source"), fact.get("price_source")}
        urls.add((fact.get("price_context") or {}).get("source"))
        urls.discard(None)
        row = by_id[fact["id"]]
        kept = set(row["sources"]) if "sources" in row else {row["source"]} - {None}
        assert urls <= kept, fact["id"]
        if "sources" in row and fact.get("source"):
            assert row["sources"][0] == fact["source"]  # the main source first


@pytest.mark.parametrize("section", SECTIONS)
def test_a_missing_or_null_fact_stays_null(facts: dict, seed: dict, section: str) -> None:
    by_id = {row["id"]: row for row in seed[section]}
    keys = {key for fact in facts[section] for key in fact}  # every field the facts know
    for fact in facts[section]:
        row = by_id[fact["id"]]
        for key in keys:
            column = RENAMED.get(key, key)
            if column == "note":  # also holds producer_note, star_note, ... (README)
                noted = ("note", "producer_note", "star_note", "vietgap", "price_context")
                if not any(fact.get(k) for k in noted):
                    assert row["note"] is None, f"{fact['id']}.note was filled"
            elif fact.get(key) is None and column in row:
                assert row[column] is None, f"{fact['id']}.{column} was filled"
            if key == "price" and fact.get("price") is None:
                assert row["price_vnd"] is row["price_max_vnd"] is row["price_note"] is None
    if section == "products":  # no source gives a selling unit or a description
        assert all(row["unit"] is None and row["description"] is None for row in seed[section])


def test_only_quoted_prices_exist(seed: dict) -> None:
    priced = {
        p["id"]: (p["price_vnd"], p["price_max_vnd"]) for p in seed["products"] if p["price_vnd"]
    }
    assert priced == {
        "muc-ong-co-to-kho": (1_800_000, 1_900_000),
        "muc-mot-nang-co-to": (600_000, 700_000),
    }
    dap_thanh = next(p for p in seed["products"] if p["id"] == "tra-hoa-vang-ba-che-dap-thanh")
    assert dap_thanh["price_vnd"] is None  # a market value is not the product's price
    assert "13–15 triệu đồng" in dap_thanh["note"]


def test_stars_and_producers_match_the_facts(facts: dict, seed: dict) -> None:
    by_id = {row["id"]: row for row in seed["products"]}
    for fact in facts["products"]:
        row = by_id[fact["id"]]
        assert (row["stars"], row["producer_id"], row["district_id"]) == (
            fact["stars"],
            fact["producer"],
            fact["district"],
        )


def test_places_have_no_invented_english_names_and_mapped_kinds(seed: dict) -> None:
    assert all(p["name_en"] is None for p in seed["places"])
    kinds = {p["id"]: p["kind"] for p in seed["places"]}
    assert kinds["quang-ninh-gate"] == "rest_stop"


def test_place_links_point_at_sourced_places(seed: dict) -> None:
    places = {p["id"]: p for p in seed["places"]}
    links = {(link["place_id"], link["product_id"]) for link in seed["place_products"]}
    assert ("ocop-point-bigc-ha-long", "thit-lon-mong-cai-van-thanh-phat") not in links
    for link in seed["place_products"]:
        assert link["source"] == places[link["place_id"]]["sources"][0]


def test_the_repos_copy_of_the_facts_matches_the_shared_file() -> None:
    """The vendored copy (for clones without ../shared) must not drift from the source."""
    if not SHARED_FACTS.exists():
        pytest.skip("no shared facts file on this machine to compare with")
    assert VENDORED_FACTS.read_bytes() == SHARED_FACTS.read_bytes()
