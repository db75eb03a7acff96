"""Single lookups and the place <-> product links, as the bot shows them."""

from __future__ import annotations

import dataclasses

import pytest

from catalog.services import CatalogService


async def test_product_carries_producer_and_district_names(catalog: CatalogService) -> None:
    product = await catalog.get_product("mien-dong-binh-lieu")
    assert product is not None
    assert product.producer_name == "Công ty CP Thương mại và Dịch vụ Bình Liêu"
    assert (product.district_name, product.district_name_en) == ("Bình Liêu", "Binh Lieu")
    assert product.stars == 5 and product.star_level == "national"
    assert product.sources[0] == "https://agridecovietnam.com/?p=12847"
    with pytest.raises(dataclasses.FrozenInstanceError):
        product.stars = 3  # type: ignore[misc]


async def test_product_without_producer_or_district(catalog: CatalogService) -> None:
    chili = await catalog.get_product("ot-chao-mao")
    assert chili is not None
    assert (chili.producer_id, chili.producer_name, chili.district_name) == (None, None, None)


async def test_unknown_ids_give_none(catalog: CatalogService) -> None:
    assert await catalog.get_product("nope") is None
    assert await catalog.get_producer("nope") is None
    assert await catalog.get_district("nope") is None
    assert await catalog.get_place("nope") is None


async def test_get_products_keeps_the_order_asked(catalog: CatalogService) -> None:
    found = await catalog.get_products(["ga-tien-yen", "nope", "ngoc-trai-akoya", "ga-tien-yen"])
    assert [p.id for p in found] == ["ga-tien-yen", "ngoc-trai-akoya"]


async def test_producer_and_districts(catalog: CatalogService) -> None:
    producer = await catalog.get_producer("htx-dong-tien")
    assert producer is not None
    assert (producer.type, producer.district_name) == ("cooperative", "Tiên Yên")
    districts = await catalog.list_districts()
    assert len(districts) == 13 and districts[0].name_vi == "Ba Chẽ"
    van_don = await catalog.get_district("van-don")
    assert van_don is not None and van_don.centre == "Cái Rồng"


async def test_what_the_ha_long_ocop_centre_sells(catalog: CatalogService) -> None:
    products = await catalog.products_at("ocop-center-ha-long")
    assert [p.id for p in products] == [
        "muc-ong-co-to-kho",  # 4 stars first
        "cha-muc-ha-long-manh-ha",
        "sa-sung-thanh-tung",
    ]
    assert await catalog.products_at("ha-long-bay") == []


async def test_where_to_buy_a_product(catalog: CatalogService) -> None:
    places = await catalog.places_selling("ruoc-hau-bavabi")
    assert [p.id for p in places] == ["ocop-point-bigc-ha-long"]
    assert places[0].district_name == "Hạ Long"
    assert await catalog.places_selling("thit-lon-mong-cai-van-thanh-phat") == []


async def test_place_details(catalog: CatalogService) -> None:
    gate = await catalog.get_place("quang-ninh-gate")
    assert gate is not None
    assert (gate.kind, gate.name_en, gate.district_id, gate.lat) == ("rest_stop", None, None, None)
    festival = await catalog.get_place("hoi-hoa-so-binh-lieu")
    assert festival is not None and festival.months == (12,)
