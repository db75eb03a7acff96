"""The issue's own examples: the way a person writes must not matter."""

from __future__ import annotations

import pytest

from tests.nlu.conftest import entities


def _intent(parse, text: str) -> str:
    return parse(text)["intent"]["name"]


@pytest.mark.parametrize(
    ("text", "intent", "product"),
    [
        ("tuần sau nhà mình về quê ngoại ở Tiên Yên, muốn mang ít quà Quảng Ninh cho các cụ, "
         "cho mình hỏi miến dong Bình Liêu loại 1 ký giá sao ạ", "product_price",
         ["mien-dong-binh-lieu"]),
        ("Dạ chào ad, ruốc tôm mở nắp rồi để được bao lâu ạ", "product_info",
         ["ruoc-tom-bavabi", "ruoc-tom-hai-san-van-don"]),
        ("chị ơi, hôm trước đi ăn cưới ở Quảng Yên được ăn thử, ngon quá, "
         "cho chị hỏi rượu mơ Yên Tử bao nhiêu độ", "product_info", ["ruou-mo-yen-tu"]),
        ("gửi cod ra Móng Cái giúp chị 2 hộp khau nhục Tô Nhung, sđt 0912 345 678",
         "order_create", ["khau-nhuc-to-nhung"]),
        ("cho mình book 3 packs miến dong Bình Liêu", "order_create", ["mien-dong-binh-lieu"]),
        ("shop ơi tra hao vag Quy Hoa bao nhiu z", "product_price", ["tra-hoa-vang-quy-hoa"]),
        ("nuoc nam cai rong con hang hok shop", None, ["nuoc-mam-cai-rong"]),
        ("how strong is the apricot liqueur?", "product_info", ["ruou-mo-yen-tu"]),
        ("is the sea worm fish sauce very salty", "product_info", ["nuoc-mam-sa-sung-van-don"]),
    ],
)  # fmt: skip
def test_the_request_wins_whatever_surrounds_it(parse, text, intent, product) -> None:
    result = parse(text)
    if intent:
        assert result["intent"]["name"] == intent
    assert sorted(entities(result, "product")) == product


def test_an_order_with_delivery_details_keeps_phone_and_quantity(parse) -> None:
    result = parse("em đặt 4 gói miến dong Húc Động với ạ, giao cho mẹ em ở 25 Lê Lợi Hạ Long, "
                   "sđt 0988 123 456, giao giờ hành chính nha")  # fmt: skip
    assert result["intent"]["name"] == "order_create"
    assert entities(result, "quantity") == [4]
    assert entities(result, "unit") == ["goi"]
    assert entities(result, "phone") == ["0988123456"]


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("lấy chị hai chục quả trứng vịt biển Đồng Rui", 20, "qua"),
        ("cho mình một cân rưỡi mực một nắng", 1.5, "kg"),
        ("nửa ký ruốc cá thôi", 0.5, "kg"),
        ("chốt đơn 2 thùng nước khoáng Quang Hanh Fresh", 2, "thung"),
        ("lấy 3 lốc nước lọc Bình Liêu", 3, "loc"),
        ("cho em 2 bó măng mai", 2, "bo"),
    ],
)
def test_amounts_in_words_and_units_that_are_not_multipliers(parse, text, quantity, unit) -> None:
    result = parse(text)
    assert entities(result, "quantity") == [quantity]
    assert entities(result, "unit") == [unit]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("có quà gì tầm nửa triệu không shop", "price_max", 500000),
        ("ngân sách 1 củ thì mua được gì", "price_max", 1000000),
        ("mình cần quà 1 triệu đổ lại", "price_max", 1000000),
        ("có loại nào từ 200k trở lên không", "price_min", 200000),
        ("tầm 300 nghìn có gì", "price_max", 300000),
        ("có gì tầm 0,3 triệu", "price_max", 300000),
    ],
)
def test_money_in_words_and_shorthand(parse, text, kind, value) -> None:
    assert entities(parse(text), kind) == [value]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("nước mắm sá sùng giá sao", ["nuoc-mam-sa-sung-van-don"]),
        ("ruốc hàu Vân Đồn ăn với gì", ["ruoc-hau-hai-san-van-don"]),
        ("nấm đùi gà xào gì ngon", ["nam-dui-ga-long-hai"]),
        ("nếp cái hoa vàng nấu xôi được không", ["nep-cai-hoa-vang-dong-trieu"]),
        ("nước khoáng Quang Hanh loại có ga giá sao", ["nuoc-khoang-quang-hanh-co-ga"]),
        (
            "nước khoáng Quang Hanh vị chanh muối bao nhiêu",
            ["nuoc-khoang-quang-hanh-fresh-chanh-muoi"],
        ),
        ("ba kích tím khô ngâm rượu thế nào", ["ba-kich-tim-kho-ba-che"]),
    ],
)
def test_specific_names_win_and_look_alikes_never_cross(parse, text, product) -> None:
    assert sorted(entities(parse(text), "product")) == product


@pytest.mark.parametrize(
    "text",
    [
        "thời tiết Hạ Long cuối tuần này có mưa không shop",
        "khách sạn nào gần bãi biển Trà Cổ mà rẻ rẻ",
        "vé tàu cao tốc ra Cô Tô mua ở đâu",
        "bệnh viện Bãi Cháy có khám buổi tối không",
        "mua sim 4G ở Móng Cái chỗ nào",
        "giá vàng ở Hạ Long hôm nay bao nhiêu",
        "quán cà phê nào ở Uông Bí view đẹp",
    ],
)
def test_off_topic_stays_off_topic_with_province_words(parse, text: str) -> None:
    result = parse(text)
    assert result["intent"]["name"] == "out_of_scope"
    assert entities(result, "product") == []


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("nước mắm Phú Quốc giá bao nhiêu", "product_price"),
        ("shop có bán nem chua Thanh Hóa không", "product_search"),
    ],
)
def test_foods_from_elsewhere_keep_the_intent_but_name_no_product(parse, text, intent) -> None:
    result = parse(text)
    assert result["intent"]["name"] == intent
    assert entities(result, "product") == []
