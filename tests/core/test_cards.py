"""The card renderers on hand-built catalog DTOs: stars, prices, places, events, figures."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from bot.core.i18n import I18n
from bot.handlers import render
from bot.handlers.cards.event import when_text, where_text
from bot.handlers.cards.labels import (
    price_line,
    source_button,
    source_label,
    stars_badge,
    venue_text,
)
from bot.handlers.cards.product import card_lines
from bot.handlers.event_query import FAIR_KINDS, read_event_query
from bot.handlers.figures import as_of_label
from bot.handlers.reroute import is_figures_question
from bot.handlers.where_to_buy import WhereToBuy
from catalog.dto import EventDTO, PlaceDTO, PriceDTO, ProductDTO

I18N = I18n.load()


class FakeTurn:
    """What the renderers read from a turn: the language and the message catalogs."""

    def __init__(self, lang: str) -> None:
        self.lang, self.i18n = lang, I18N

    def t(self, key: str, /, **params: Any) -> str:
        return self.i18n.t(self.lang, key, **params)


def build(cls: type, **values: Any) -> Any:
    """A DTO with every field empty except `values`."""
    empty: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in values or f.default is not dataclasses.MISSING:
            continue
        empty[f.name] = () if "tuple" in str(f.type) else False if f.type == "bool" else None
    return cls(**{**empty, **values})


WINE = build(
    ProductDTO, id="ruou", name_vi="Rượu ba kích Ba Chẽ", name_en="Ba Chẽ morinda wine",
    aliases=(), category="wine_liquor", stars=4, producer_name="HTX Ba Chẽ",
    district_id="ba-che", district_name="Ba Chẽ", district_name_en="Ba Che",
    description_vi="Rượu ngâm củ ba kích tím.", description_en="Wine steeped in morinda root.",
    ocop_status=None, note="English research note", sources=("https://baoquangninh.vn/a.html",),
    price=PriceDTO(300000, None, "300.000 đồng", "chai 1 lít", "news", "2019-11", None),
)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "stars", "level", "year", "expected"),
    [
        ("vi", 5, "national", "2022", "★★★★★ 5 sao quốc gia (2022)"),
        ("en", 5, "national", "2020 round / 2021", "★★★★★ 5 stars, national (2020)"),
        ("vi", 4, None, None, "★★★★☆ 4 sao"),
        ("vi", None, None, None, "OCOP — chưa công bố hạng sao"),
        ("en", None, None, None, "OCOP, star rating not published"),
    ],
)
def test_stars_badge(lang: str, stars: int | None, level: str, year: str, expected: str) -> None:
    product = dataclasses.replace(WINE, stars=stars, star_level=level, star_year=year)
    assert stars_badge(FakeTurn(lang), product) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "price", "expected"),
    [
        ("vi", WINE.price, "💰 Giá tham khảo (báo, 11/2019): 300.000 đ / chai 1 lít"),
        ("en", WINE.price, "💰 Reference price (news, Nov 2019): 300.000 đ / 1-litre bottle"),
        ("vi", PriceDTO(450000, 550000, "…", "lít", "market", "2024-07", None),
         "💰 Giá chợ tham khảo (báo, 7/2024): 450.000 – 550.000 đ / lít"),
        ("vi", PriceDTO(100000, 120000, "…", "bát", "fair", "2019-01", None),
         "💰 Giá tại hội chợ (báo, 1/2019): 100.000 – 120.000 đ / bát"),
        ("en", PriceDTO(1800000, 1900000, "…", "kg", "news", None, None),
         "💰 Reference price (news): 1.800.000 – 1.900.000 đ / kg"),
        ("vi", PriceDTO(250000, None, "…", "kg", "seller", "2026-01", None, "web:shop"),
         "💰 Giá của người bán, 1/2026: 250.000 đ / kg"),
    ],
)  # fmt: skip
def test_price_line_says_what_the_price_is(lang: str, price: PriceDTO, expected: str) -> None:
    assert price_line(FakeTurn(lang), price) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_card_lines_hold_one_language_and_no_research_note(lang: str) -> None:
    place = build(PlaceDTO, id="c", kind="ocop_center", name_vi="Trung tâm OCOP Ba Chẽ",
                  months=(), sources=())  # fmt: skip
    online = [{"channel": "teqni.gov.vn (sàn giao dịch TMĐT tỉnh Quảng Ninh)", "source": "x"}]
    for where in (WhereToBuy("sells", [place]), WhereToBuy("nearest", [place], online)):
        lines = card_lines(FakeTurn(lang), WINE, where)  # type: ignore[arg-type]
        text = "\n".join(lines)
        assert len(lines) <= 8 and "English research note" not in text
        other = WINE.description_en if lang == "vi" else WINE.description_vi
        assert other not in text and "sàn giao dịch" not in text
        assert ("Nguồn: baoquangninh.vn" if lang == "vi" else "Source: baoquangninh.vn") in text
    no_price = dataclasses.replace(WINE, price=None)
    assert "💰" not in "\n".join(card_lines(FakeTurn(lang), no_price, where))  # type: ignore[arg-type]


def test_a_place_without_its_own_pin_gets_no_distance() -> None:
    turn = FakeTurn("vi")
    shop = build(PlaceDTO, id="bigc", kind="ocop_sales_point", name_vi="Điểm OCOP Big C",
                 district_name="Hạ Long", lat=20.95, lon=107.08, months=(), sources=(),
                 approximate=True, own_coords=False)  # fmt: skip
    line = render.place_line(turn, shop, 0.0)  # type: ignore[arg-type]
    assert "km" not in line and "ở Hạ Long" in line and "maps" not in line
    pinned = dataclasses.replace(shop, own_coords=True, approximate=False, address="phố X")
    line = render.place_line(turn, pinned, 1.25)  # type: ignore[arg-type]
    assert "cách 1.2 km" in line and "phố X" in line and "maps" in line


def event(**values: Any) -> EventDTO:
    base = dict(id="e", kind="ocop_fair", series=False, name_vi="Hội chợ", months=(),
                products_featured=(), sources=("https://x.vn/a",))  # fmt: skip
    return build(EventDTO, **{**base, **values})  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("lang", "values", "expected"),
    [
        ("vi", dict(date_start=date(2026, 2, 6), date_end=date(2026, 2, 11)),
         "🗓 Thời gian: 6–11/2/2026"),
        ("en", dict(date_start=date(2026, 2, 6), date_end=date(2026, 2, 11)),
         "🗓 Dates: 6–11 Feb 2026"),
        ("vi", dict(date_start=date(2024, 8, 29), date_end=date(2024, 9, 3)),
         "🗓 Đã tổ chức: 29/8–3/9/2024"),
        ("vi", dict(dates_as_stated="week-long, May 2020 (exact dates not stated)", months=(5,)),
         "🗓 tháng 5/2020 (nguồn không nêu ngày cụ thể)"),
        ("vi", dict(kind="festival_series", series=True, usual_time_vi="giữa tháng 12 hằng năm"),
         "🗓 Thường tổ chức: giữa tháng 12 hằng năm"),
        ("en", dict(kind="festival_series", series=True, usual_time_en="mid-December every year"),
         "🗓 Usually: mid-December every year"),
    ],
)  # fmt: skip
def test_when_an_event_happens(lang: str, values: dict[str, Any], expected: str) -> None:
    assert when_text(FakeTurn(lang), event(**values), date(2026, 1, 10)) == expected  # type: ignore[arg-type]


def test_venue_asides_in_english_are_dropped() -> None:
    turn = FakeTurn("vi")
    assert where_text(turn, event(venue="Hà Nội (venue not named in excerpt)")) == (  # type: ignore[arg-type]
        "📍 Địa điểm: Hà Nội"
    )
    assert venue_text(turn, "Ba Chẽ (Quảng trường 4-10 or Miếu Ông)") == (  # type: ignore[arg-type]
        "Ba Chẽ (Quảng trường 4-10 hoặc Miếu Ông)"
    )
    where = where_text(turn, event(district_name="Hạ Long"))  # type: ignore[arg-type]
    assert where == "📍 Ở Hạ Long (nguồn không nêu địa điểm cụ thể)"


@pytest.mark.parametrize(
    ("text", "kinds", "year", "month", "past"),
    [
        ("hội chợ OCOP sắp tới", FAIR_KINDS, None, None, False),
        ("hoi cho ocop nam 2024 to chuc o dau", FAIR_KINDS, 2024, None, True),
        ("năm ngoái có hội chợ nào", FAIR_KINDS, 2025, None, True),
        ("any festivals in Ba Che in December?", ("festival", "festival_series"), None, 12, False),
        ("tháng 12 có lễ hội và hội chợ gì", (), None, 12, False),
    ],
)
def test_event_questions_are_read(
    text: str, kinds: tuple[str, ...], year: int | None, month: int | None, past: bool
) -> None:
    query = read_event_query(text, date(2026, 1, 10))
    assert (query.kinds, query.year, query.month, query.past) == (kinds, year, month, past)


@pytest.mark.parametrize(
    ("as_of", "vi", "en"),
    [
        ("2025-11-03", "3/11/2025", "3 Nov 2025"),
        ("2019-11", "11/2019", "Nov 2019"),
        ("2022-end", "cuối năm 2022", "end of 2022"),
        ("~2021", "khoảng năm 2021", "around 2021"),
        ("2017", "2017", "2017"),
    ],
)
def test_figure_dates(as_of: str, vi: str, en: str) -> None:
    assert as_of_label(FakeTurn("vi"), as_of) == vi  # type: ignore[arg-type]
    assert as_of_label(FakeTurn("en"), as_of) == en  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quảng Ninh có bao nhiêu sản phẩm OCOP", True),
        ("bao nhieu sp 5 sao", True),
        ("how many 5-star products are there?", True),
        ("2 chai nước mắm bao nhiêu tiền", False),
        ("trà hoa vàng bao nhiêu sao", False),
    ],
)
def test_figures_questions_are_told_apart(text: str, expected: bool) -> None:
    assert is_figures_question(text) is expected


def test_a_link_button_gets_an_ascii_url() -> None:
    url = "https://agrimate.vn/read-blog/66_miến-dong-binh-lieu.html?a=1&b=2"
    [button] = source_button(FakeTurn("vi"), (url,))  # type: ignore[arg-type]
    assert (
        button.url == "https://agrimate.vn/read-blog/66_mi%E1%BA%BFn-dong-binh-lieu.html?a=1&b=2"
    )
    assert button.title == "🔗 Nguồn: agrimate.vn"


def test_source_label_is_the_host() -> None:
    assert source_label("https://www.baoquangninh.vn/chuyen-ve-ngoc-trai.html") == (
        "baoquangninh.vn"
    )
