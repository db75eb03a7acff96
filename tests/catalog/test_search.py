"""Product search as the bot uses it: words, filters, order and paging."""

from __future__ import annotations

import pytest

from catalog.dto import Page, ProductDTO
from catalog.services import CatalogService


def ids(page: Page[ProductDTO]) -> list[str]:
    return [p.id for p in page.items]


@pytest.mark.parametrize("text", ["miến dong", "mien dong", "MIẾN DONG", "  Mien   Dong "])
async def test_text_ignores_case_and_diacritics(catalog: CatalogService, text: str) -> None:
    page = await catalog.search_products(text=text)
    assert set(ids(page)) == {"mien-dong-binh-lieu", "mien-dong-huc-dong"}
    assert page.total == 2


async def test_text_matches_aliases_and_english_names(catalog: CatalogService) -> None:
    both = ["ruoc-hau-bavabi", "ruoc-hau-hai-san-van-don"]  # 5 stars before unrated
    assert ids(await catalog.search_products(text="oyster floss")) == both
    assert ids(await catalog.search_products(text="ruốc hàu")) == both
    assert ids(await catalog.search_products(text="ruốc hàu bavabi")) == ["ruoc-hau-bavabi"]
    assert "hau-van-don-hong-phat" in ids(await catalog.search_products(text="hàu vân đồn"))


async def test_every_word_must_match_the_start_of_a_word(catalog: CatalogService) -> None:
    assert ids(await catalog.search_products(text="trà hoa vàng quy hoa")) == [
        "tra-hoa-vang-quy-hoa"
    ]
    # "ống" starts a word of "Mực ống Cô Tô"; inside "dong" (miến dong) it does not count.
    assert ids(await catalog.search_products(text="ong")) == [
        "muc-ong-co-to-kho",
        "mat-ong-rung-binh-lieu",  # mật ong: honey
    ]
    assert (await catalog.search_products(text="pizza")).total == 0


async def test_five_stars_first_then_four_then_unrated(catalog: CatalogService) -> None:
    page = await catalog.search_products(limit=100)
    stars = [p.stars for p in page.items]
    rated = [s for s in stars if s is not None]
    assert rated == sorted(rated, reverse=True)
    assert stars[: len(rated)] == rated  # unrated products come last
    assert page.items[0].stars == 5 and page.total == 106


async def test_filters_combine(catalog: CatalogService) -> None:
    tea5 = await catalog.search_products(category="tea", stars=5)
    assert set(ids(tea5)) == {"tra-hoa-vang-quy-hoa", "tra-hoa-vang-ba-che-dap-thanh"}
    at_least_4 = await catalog.search_products(min_stars=4, limit=100)
    assert at_least_4.total == 25 and all((p.stars or 0) >= 4 for p in at_least_4.items)
    van_don = await catalog.search_products(district="van-don", category="fish_sauce")
    assert set(ids(van_don)) == {
        "nuoc-mam-cai-rong",
        "nuoc-mam-sa-sung-van-don",
        "nuoc-mam-newstar",
    }
    assert (await catalog.search_products(category="no-such")).total == 0


async def test_price_filters_only_keep_priced_products(catalog: CatalogService) -> None:
    under_1m = await catalog.search_products(price_max=1_000_000)
    assert set(ids(under_1m)) == {
        "ruou-ba-kich-ba-che",  # 300.000 đồng / chai 1 lít (news, 11/2019)
        "khau-nhuc-tien-yen",  # 100.000–120.000 đồng / bát (fair, 01/2019)
        "muc-mot-nang-co-to",
        "tinh-dau-so-binh-lieu",  # 450.000–550.000 đồng / lít (market, 07/2024)
    }
    over_1m = await catalog.search_products(price_min=1_000_000)
    assert ids(over_1m) == ["muc-ong-co-to-kho"]
    range_hit = await catalog.search_products(price_min=650_000, price_max=650_000)
    assert ids(range_hit) == ["muc-mot-nang-co-to"]  # 600 000 – 700 000 covers it


async def test_ids_filter_and_paging(catalog: CatalogService) -> None:
    page = await catalog.search_products(ids=["ga-tien-yen", "ngoc-trai-akoya", "nope"])
    assert ids(page) == ["ngoc-trai-akoya", "ga-tien-yen"]  # 5 stars before 3
    first = await catalog.search_products(category="seafood", limit=4)
    second = await catalog.search_products(category="seafood", offset=4, limit=4)
    assert first.total == second.total == 20
    assert len(first.items) == 4 and not set(ids(first)) & set(ids(second))
    assert (second.offset, second.limit) == (4, 4)


async def test_page_bounds_are_clamped(catalog: CatalogService) -> None:
    page = await catalog.search_products(offset=-3, limit=10_000)
    assert (page.offset, page.limit) == (0, 100) and len(page.items) == 100
    assert len((await catalog.search_products(limit=0)).items) == 1
