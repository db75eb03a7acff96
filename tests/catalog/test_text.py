"""Pure helpers: folding Vietnamese, reading prices and seasons."""

from __future__ import annotations

import pytest

from catalog.geo import haversine_km
from catalog.seasons import season_months
from catalog.seed.prices import parse_vnd
from catalog.text import fold, search_key


def test_fold_removes_diacritics_and_d_stroke() -> None:
    assert fold("Đồng Rui – Miến dong, TIÊN YÊN!") == "dong rui mien dong tien yen"
    assert search_key(["Gà Tiên Yên", None, "gà"]) == " ga tien yen ga "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.8–1.9 triệu đồng", (1_800_000, 1_900_000)),
        ("700.000 đ (loại 1); 600.000 đ (loại 2)", (600_000, 700_000)),
        ("300,000 VND", (300_000, None)),
        ("2 triệu", (2_000_000, None)),
        ("liên hệ", None),
    ],
)
def test_parse_vnd(text: str, expected: tuple[int, int | None] | None) -> None:
    assert parse_vnd(text) == expected


@pytest.mark.parametrize(
    ("season", "months"),
    [
        ("flowers late Nov – Feb; festival every 2 years since 2016", (1, 2, 11, 12)),
        ("mid-December (e.g. 15–17/12/2017)", (12,)),
        ("tháng 3 đến tháng 5", (3, 4, 5)),
        ("June to August", (6, 7, 8)),
        ("Mayor's festival", ()),
        (None, ()),
    ],
)
def test_season_months(season: str | None, months: tuple[int, ...]) -> None:
    assert season_months(season) == months


def test_haversine() -> None:
    # Hòn Gai to Móng Cái centre: about 107 km as the crow flies.
    assert 100 < haversine_km(20.951, 107.08, 21.525, 107.966) < 115
    assert haversine_km(21.0, 107.0, 21.0, 107.0) == 0
