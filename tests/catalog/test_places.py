"""Nearest shops, places by district and kind, tourism by month."""

from __future__ import annotations

import pytest

from catalog.services import CatalogService

MONG_CAI = (21.525, 107.966)
BAI_CHAY = (20.957, 107.045)


async def test_nearest_shop_from_mong_cai(catalog: CatalogService) -> None:
    found = await catalog.nearest_places(*MONG_CAI)
    # The Pò Hèn market has no coordinates of its own: ranked at the Móng Cái centre.
    market, _km = found[0]
    assert market.id == "cho-phien-po-hen" and market.approximate and not market.own_coords
    place, km = next((p, km) for p, km in found if p.own_coords)
    assert place.id == "binh-ngoc-display-point" and 5 < km < 15
    assert [d for _, d in found] == sorted(d for _, d in found)


async def test_place_without_coordinates_uses_its_district_centre(
    catalog: CatalogService,
) -> None:
    found = dict((p.id, (p, km)) for p, km in await catalog.nearest_places(*BAI_CHAY, limit=10))
    big_c, km = found["ocop-point-bigc-ha-long"]
    # Ranked by the Hạ Long centre, but with no position of its own to show.
    assert big_c.approximate and (big_c.lat, big_c.lon, big_c.own_coords) == (None, None, False)
    assert 3 < km < 5
    assert not found["ocop-center-ha-long"][0].approximate
    assert found["ocop-center-ha-long"][0].own_coords
    # Quảng Ninh GATE has neither coordinates nor a district: it cannot be placed.
    assert "quang-ninh-gate" not in found


async def test_nearest_by_kind_and_limit(catalog: CatalogService) -> None:
    found = await catalog.nearest_places(*BAI_CHAY, kinds=("tourism_site",), limit=3)
    assert [(p.id, p.approximate) for p, _ in found] == [
        ("bai-chay", False),
        ("thien-duong-hoa-quang-la", True),  # no coordinates: at the Hạ Long centre
        ("ha-long-bay", False),
    ]
    assert await catalog.nearest_places(*BAI_CHAY, limit=0) == []


@pytest.mark.parametrize("point", [(91.0, 107.0), (21.0, 181.0)])
async def test_nearest_rejects_impossible_coordinates(
    catalog: CatalogService, point: tuple[float, float]
) -> None:
    with pytest.raises(ValueError, match="not a coordinate"):
        await catalog.nearest_places(*point)


async def test_places_by_district_and_kind(catalog: CatalogService) -> None:
    centres = await catalog.places(kinds=["ocop_center"])
    assert {p.id for p in centres} == {"ocop-center-ha-long", "ocop-center-mao-khe"}
    dong_trieu = await catalog.places(district="dong-trieu")
    assert {p.id for p in dong_trieu} == {
        "ocop-center-mao-khe",
        "lang-gom-dong-trieu",
        "trang-an-mulberry",
    }
    assert len(await catalog.places()) == 31
    stores = {p.id for p in await catalog.places(kinds=["ocop_store", "local_market"])}
    assert stores == {"ocop-store-dam-ha", "cho-phien-po-hen"}


async def test_december_finds_both_winter_festivals(catalog: CatalogService) -> None:
    found = await catalog.tourism(month=12)
    festivals = [p.id for p in found if p.kind == "festival"]
    assert sorted(festivals) == ["hoi-hoa-so-binh-lieu", "le-hoi-tra-hoa-vang-ba-che"]
    assert found[0].kind == "festival"  # festivals are listed before sites
    assert "ha-long-bay" in {p.id for p in found}  # sites without a season: all year
    assert "hoa-sim-mong-cai" not in {p.id for p in found}  # festival, season unknown


async def test_february_and_june(catalog: CatalogService) -> None:
    february = {p.id for p in await catalog.tourism(month=2) if p.kind == "festival"}
    assert february == {"le-hoi-tra-hoa-vang-ba-che"}  # flowers late Nov – Feb
    assert [p for p in await catalog.tourism(month=6) if p.kind == "festival"] == []


async def test_tourism_without_month_and_by_district(catalog: CatalogService) -> None:
    everything = await catalog.tourism()
    assert len(everything) == 17 and "hoa-sim-mong-cai" in {p.id for p in everything}
    assert "mieu-ong-mieu-ba-ba-che" in {p.id for p in everything}  # a heritage site
    binh_lieu = await catalog.tourism(district="binh-lieu", month=12)
    assert [p.id for p in binh_lieu] == ["hoi-hoa-so-binh-lieu", "huc-dong-khe-van"]
    with pytest.raises(ValueError):
        await catalog.tourism(month=13)


async def test_gazetteer_lists_what_the_nlu_needs(catalog: CatalogService) -> None:
    names = await catalog.gazetteer()
    assert (len(names["products"]), len(names["districts"]), len(names["places"])) == (106, 13, 31)
    gà = next(p for p in names["products"] if p["id"] == "ga-tien-yen")
    assert gà == {
        "id": "ga-tien-yen",
        "name_vi": "Gà Tiên Yên",
        "name_en": "Tiên Yên chicken",
        "aliases": ["gà Tiên Yên", "Tien Yen chicken"],
        "category": "poultry",
        "district": "tien-yen",
        "producer_name": None,  # no producer is known for it
    }
    floss = next(p for p in names["products"] if p["id"] == "ruoc-hau-bavabi")
    assert floss["producer_name"].startswith("Bavabi")  # "ruốc hàu Bavabi" is this one
    assert {"id", "name_vi", "name_en", "kind", "district"} == set(names["places"][0])
    assert {"id", "name_vi", "name_en"} == set(names["districts"][0])
