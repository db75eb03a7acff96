"""What a customer or tourist writes, and what the bot understands from it."""

from __future__ import annotations

import pytest

from tests.nlu.conftest import entities
from tests.nlu.longmsg.catalog import products_starting

# What a generic mention stands for follows the catalog (edition 2 has four of each).
TEAS = products_starting("trà hoa vàng")
FISH_SAUCES = products_starting("nước mắm")


def test_the_issue_example_parses_exactly(parse) -> None:
    result = parse("cho mình 2 chai nước mắm Cái Rồng")
    assert result["text"] == "cho mình 2 chai nước mắm Cái Rồng"
    assert result["language"] == "vi"
    assert result["intent"]["name"] == "order_create"
    assert result["intent"]["confidence"] >= 0.8
    assert result["intent_ranking"][0] == result["intent"]
    assert result["entities"] == [
        {"entity": "quantity", "value": 2, "start": 9, "end": 10},
        {"entity": "unit", "value": "chai", "start": 11, "end": 15},
        {"entity": "product", "value": "nuoc-mam-cai-rong", "start": 16, "end": 33},
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("xin chào shop", "greet"),
        ("tạm biệt nhé", "goodbye"),
        ("cảm ơn nhiều", "thanks"),
        ("bot giúp được gì", "help"),
        ("trà hoa vàng có tác dụng gì", "product_info"),
        ("tra hoa vang bn tien", "product_price"),
        ("có hải sản nào dưới 300k", "product_search"),
        ("mua nước mắm Cái Rồng ở đâu", "shop_search"),
        ("đi đâu chơi ở Hạ Long", "tourism_suggest"),
        ("đơn hàng của mình đến đâu rồi", "order_status"),
        ("hủy đơn giúp mình", "order_cancel"),
        ("sđt mình 0912345678", "inform"),
        ("đúng rồi", "affirm"),
        ("không cần", "deny"),
        ("cho mình gặp nhân viên", "human_handoff"),
        ("đặt phòng khách sạn ở Hạ Long", "out_of_scope"),
        ("cheap flights to Hanoi", "out_of_scope"),
        ("where can I buy fish sauce", "shop_search"),
    ],
)
def test_intents_in_the_users_words(parse, text: str, intent: str) -> None:
    assert parse(text)["intent"]["name"] == intent


def test_a_generic_mention_names_every_matching_product(parse) -> None:
    assert sorted(entities(parse("trà hoa vàng giá bao nhiêu"), "product")) == sorted(TEAS)
    assert sorted(entities(parse("nước mắm ngon không"), "product")) == sorted(FISH_SAUCES)


def test_a_specific_mention_names_only_that_product(parse) -> None:
    assert entities(parse("trà hoa vàng Quy Hoa giá bao nhiêu"), "product") == [
        "tra-hoa-vang-quy-hoa"
    ]


def test_sticky_rice_is_not_tea(parse) -> None:
    assert entities(parse("nếp cái hoa vàng nấu xôi ngon không"), "product") == [
        "nep-cai-hoa-vang-dong-trieu"
    ]


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("trà hao vàng là gì", TEAS),
        ("nước mắn cái rồng ai làm", ["nuoc-mam-cai-rong"]),
        ("nuoc mam cai rong bao nhieu", ["nuoc-mam-cai-rong"]),
        ("NƯỚC MẮM CÁI RỒNG", ["nuoc-mam-cai-rong"]),
        ("how much is Cai Rong fish sauce", ["nuoc-mam-cai-rong"]),
    ],
)
def test_products_survive_typos_missing_accents_capitals_and_english(
    parse, text: str, products: list[str]
) -> None:
    assert sorted(entities(parse(text), "product")) == sorted(products)


def test_common_words_are_not_mistaken_for_products(parse) -> None:
    assert entities(parse("shop ơi, sản phẩm bán chạy nhất là gì"), "product") == []
    assert entities(parse("shop ơi"), "product") == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("có hải sản gì", "category", "seafood"),
        ("có đồ uống nào không", "category", "beverage"),
        ("do you sell drinks", "category", "beverage"),
        ("cửa hàng ở Bãi Cháy", "location", "bai-chay"),
        ("cua hang o bai chay", "location", "bai-chay"),
        ("things to do around Ha Long Bay", "location", "ha-long-bay"),
        ("đặc sản Móng Cái", "location", "mong-cai"),
        ("sản phẩm 5 sao", "stars", 5),
        ("show me 5-star products", "stars", 5),
        ("quà dưới 300k", "price_max", 300000),
        ("khoảng 200 nghìn", "price_max", 200000),
        ("tầm 1tr5", "price_max", 1500000),
        ("under 500k", "price_max", 500000),
        ("trên 1 triệu", "price_min", 1000000),
        ("số mình +84 912 345 678", "phone", "0912345678"),
        ("sđt 0987.654.321", "phone", "0987654321"),
        ("đơn #1234 đâu rồi", "order_id", "1234"),
        ("cửa hàng gần đây", "near_me", True),
        ("shops near me", "near_me", True),
    ],
)
def test_entities_people_mention(parse, text: str, kind: str, value: object) -> None:
    assert value in entities(parse(text), kind)


def test_a_price_range_gives_both_bounds(parse) -> None:
    result = parse("có gì từ 100k đến 500k")
    assert entities(result, "price_min") == [100000]
    assert entities(result, "price_max") == [500000]


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("lấy 2chai", 2, "chai"),
        ("mua 1kg mực khô", 1, "kg"),
        ("cho mình một chục trứng vịt biển", 10, None),
        ("nửa kg sá sùng", 0.5, "kg"),
        ("hai mươi lăm gói miến", 25, "goi"),
        ("mốt hộp", None, "hop"),
        ("I want two bottles of fish sauce", 2, "chai"),
        ("3 jars of oyster floss", 3, "hu"),
    ],
)
def test_quantities_and_units(parse, text: str, quantity: float | None, unit: str | None) -> None:
    result = parse(text)
    if quantity is not None:
        assert entities(result, "quantity") == [quantity]
    if unit is not None:
        assert entities(result, "unit") == [unit]


def test_rice_liquor_names_with_number_words_are_not_quantities(parse) -> None:
    result = parse("rượu ba kích Ba Chẽ")
    assert entities(result, "quantity") == []
    assert entities(result, "product") == ["ruou-ba-kich-ba-che"]


def test_offsets_point_at_what_the_user_typed(parse) -> None:
    text = "Cho mk 2 hop  tra hoa vang Quy Hoa, sdt 0912 345 678 nhé"
    for entity in parse(text)["entities"]:
        assert 0 <= entity["start"] < entity["end"] <= len(text)
    spans = {e["entity"]: text[e["start"] : e["end"]] for e in parse(text)["entities"]}
    assert spans["product"] == "tra hoa vang Quy Hoa"
    assert spans["phone"] == "0912 345 678"
    assert spans["unit"] == "hop"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tra hoa vang bn tien", "vi"),
        ("cho minh 2 chai nuoc mam", "vi"),
        ("trà hoa vàng giá bao nhiêu", "vi"),
        ("how much is the golden camellia tea", "en"),
        ("Where can I buy trà hoa vàng?", "en"),
        ("hello", "en"),
    ],
)
def test_language_is_guessed_per_message(parse, text: str, language: str) -> None:
    assert parse(text)["language"] == language


@pytest.mark.parametrize(
    ("text", "language", "evidence"),
    [
        ("John Smith", "vi", 0),  # no word votes: Vietnamese by default, on no evidence
        ("the Newstar one", "en", 1),  # "the" is also an unaccented "thế": "one" alone says
        ("ok thanks", "vi", 0),
        ("Anna Müller", "vi", 0),  # accents, but no Vietnamese word
        ("José García", "vi", 0),
        ("Nguyễn Văn An", "vi", 0),  # a capitalised name the catalog does not know
        ("I'm staying at Mường Thanh", "en", 3),
        ("Cảm ơn shop", "vi", 4),  # the first word of a sentence is capitalised anyway
        ("thank you shop", "vi", 0),  # English thanks to "shop": a Vietnamese loan phrase
        ("thank you so much", "en", 2),  # the same thanks to no one is English ("so": "số")
        ("dat 1 hu ruoc hau", "vi", 2),
        ("I don't understand", "en", 2),  # "don't" is no "đơn tôi"
        ("where can I buy tea", "en", 3),  # "can" is also "cần"; "tea" names a category
    ],
)
def test_the_language_comes_with_how_clearly_the_words_said_it(
    parse, text: str, language: str, evidence: int
) -> None:
    result = parse(text)
    assert (result["language"], result["language_evidence"]) == (language, evidence)
