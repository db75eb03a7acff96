"""Fairs and festivals as answers list them: upcoming first (relative to a given day),
then recurring series by their usual time, past editions only when asked."""

from __future__ import annotations

import datetime

import pytest

from catalog.services import CatalogService

NEW_YEAR_2026 = datetime.date(2026, 1, 10)
ADVENT_2026 = datetime.date(2026, 12, 1)
SERIES_FROM_JANUARY = [
    "hoi-cho-ocop-quang-ninh-series",  # spring fair before Tết: January–February
    "le-hoi-tra-hoa-vang-ba-che-series",  # late November to the lunar new year
    "le-hoi-anh-dao-mai-vang-yen-tu-series",  # March
    "le-hoi-hoa-sim-bien-gioi-series",  # mid-May
    "hoi-hoa-so-binh-lieu-series",  # mid-December
]


def ids(events: list) -> list[str]:
    return [e.id for e in events]


async def test_upcoming_fairs_come_first_then_the_series(catalog: CatalogService) -> None:
    found = await catalog.events(today=NEW_YEAR_2026)
    assert ids(found) == [
        "hoi-cho-ocop-xuan-2026",  # 6–11/2/2026
        "hoi-cho-ocop-am-thuc-xuan-2026",  # 14/2–3/3/2026
        *SERIES_FROM_JANUARY,
    ]
    assert found[0].venue and found[0].venue.startswith("Cung Quy hoạch")


async def test_at_another_today_nothing_dated_is_ahead(catalog: CatalogService) -> None:
    found = await catalog.events(today=ADVENT_2026)
    assert all(e.series for e in found)
    assert ids(found)[:2] == ["hoi-hoa-so-binh-lieu-series", "le-hoi-tra-hoa-vang-ba-che-series"]
    assert found[0].usual_time_vi == "giữa tháng 12 hằng năm"


async def test_a_fair_still_running_today_counts_as_upcoming(catalog: CatalogService) -> None:
    found = await catalog.events(today=datetime.date(2026, 2, 9), series=False)
    assert ids(found) == ["hoi-cho-ocop-xuan-2026", "hoi-cho-ocop-am-thuc-xuan-2026"]


async def test_december_festivals(catalog: CatalogService) -> None:
    december = await catalog.events(month=12, today=NEW_YEAR_2026)
    assert ids(december) == ["le-hoi-tra-hoa-vang-ba-che-series", "hoi-hoa-so-binh-lieu-series"]
    with_past = await catalog.events(month=12, today=NEW_YEAR_2026, include_past=True)
    assert ids(with_past)[2:5] == [
        "hoi-hoa-so-binh-lieu-2023",
        "hoi-cho-viet-trung-2023",
        "hoi-cho-ocop-qn-ha-dong-2021",
    ]  # past editions, newest first


async def test_any_festivals_in_ba_che_in_december(catalog: CatalogService) -> None:
    found = await catalog.events(district="ba-che", month=12, today=ADVENT_2026)
    assert ids(found) == ["le-hoi-tra-hoa-vang-ba-che-series"]
    assert found[0].usual_time_en and "bloom season" in found[0].usual_time_en
    assert found[0].products_featured[0] == "tra-hoa-vang-ba-che-dap-thanh"


async def test_a_past_year_lists_that_years_editions(catalog: CatalogService) -> None:
    found = await catalog.events(year=2024, today=NEW_YEAR_2026)
    assert ids(found) == [
        "hoi-cho-ocop-dong-bac-2024",
        "le-hoi-hoa-sim-2024",
        "hoi-cho-ocop-qn-xuan-2024",
    ]
    undated = await catalog.events(year=2020, today=NEW_YEAR_2026)
    assert ids(undated) == [
        "le-hoi-tra-hoa-vang-2020-12",
        "hoi-cho-ocop-qn-2020-10",
        "hoi-cho-ocop-qn-2020-05",
    ]


async def test_without_today_no_edition_is_upcoming(catalog: CatalogService) -> None:
    assert ids(await catalog.events()) == SERIES_FROM_JANUARY  # by month from January
    assert len(await catalog.events(include_past=True)) == 41
    with pytest.raises(ValueError):
        await catalog.events(month=0)


async def test_events_featuring_a_product_and_centres(catalog: CatalogService) -> None:
    featuring = ids(await catalog.events_featuring("mien-dong-binh-lieu"))
    assert featuring == [
        "hoi-hoa-so-binh-lieu-series",
        "hoi-hoa-so-binh-lieu-2023",
        "hoi-cho-ocop-qn-2017-01",
    ]
    assert await catalog.events_featuring("no-such-product") == []
    centres = await catalog.ocop_centres("dam-ha")
    assert [p.id for p in centres] == ["ocop-store-dam-ha"]
    assert await catalog.ocop_centres("co-to") == []
    assert [p.id for p in await catalog.places_selling("khau-nhuc-to-nhung")] == [
        "ocop-store-dam-ha"
    ]
