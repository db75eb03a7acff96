"""The committed seed file against the sourced facts file: same ids, every source, no invention.

Field-by-field checks of a seeded database are in test_seed_check.py.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from catalog.seed import SEED_FILE
from catalog.seed.build import EDITION, build
from catalog.seed.series import SERIES
from tests.facts import FACTS, SHARED_FACTS, VENDORED_FACTS

SECTIONS = ("districts", "producers", "products", "places", "events")


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))


def test_committed_seed_is_what_the_builder_makes(facts: dict, seed: dict) -> None:
    """Someone edited the facts or the builder without regenerating (or edited the seed)."""
    assert build(facts) == seed
    assert SEED_FILE.read_text(encoding="utf-8").startswith(f"# Edition {EDITION} ")


@pytest.mark.parametrize("section", SECTIONS)
def test_same_ids(facts: dict, seed: dict, section: str) -> None:
    assert [row["id"] for row in seed[section]] == [row["id"] for row in facts[section]]


def test_counts(seed: dict) -> None:
    assert [len(seed[s]) for s in SECTIONS] == [13, 40, 106, 31, 41]
    assert (len(seed["figures"]), len(seed["online_platforms"])) == (28, 4)


def test_every_series_has_a_hand_mapped_usual_time(facts: dict) -> None:
    series = {e["id"] for e in facts["events"] if e["kind"].endswith("_series")}
    assert series == set(SERIES)  # and each one is documented in seed/README.md


def test_place_links_point_at_sourced_places(seed: dict) -> None:
    places = {p["id"]: p for p in seed["places"]}
    links = {(link["place_id"], link["product_id"]) for link in seed["place_products"]}
    assert ("ocop-point-bigc-ha-long", "thit-lon-mong-cai-van-thanh-phat") not in links
    assert ("ocop-store-dam-ha", "khau-nhuc-to-nhung") in links  # the facts' `sells`
    for link in seed["place_products"]:
        assert link["source"] == places[link["place_id"]]["sources"][0]


def test_figures_keep_every_number_of_the_source(facts: dict, seed: dict) -> None:
    latest = next(f for f in seed["figures"] if f["id"] == "province-2025-11-03")
    assert (latest["products_3_to_5_star"], latest["stars_five_national"]) == (437, 8)
    about = next(f for f in seed["figures"] if f["id"] == "province-2023")
    assert about["sales_points"] is None and '"sales_points": "about 30"' in about["details"]
    for fact, row in zip(facts["district_figures"], seed["figures"][19:], strict=True):
        assert (row["scope"], row["products_total"]) == (
            fact["district"],
            fact.get("products_total"),
        )


def test_the_repos_copy_of_the_facts_matches_the_shared_file() -> None:
    """The vendored copy (for clones without ../shared) must not drift from the source."""
    if not SHARED_FACTS.exists():
        pytest.skip("no shared facts file on this machine to compare with")
    assert VENDORED_FACTS.read_bytes() == SHARED_FACTS.read_bytes()
