"""When recurring events usually happen: read by hand from each series' `recurring` text.

Every entry is documented in seed/README.md ("Recurring series"); the builder fails on a
series that has no entry here, so a new series in the facts cannot slip in undated.
"""

from __future__ import annotations

from typing import NamedTuple


class UsualTime(NamedTuple):
    """The usual months (1-12) and the usual time in words, vi and en."""

    months: tuple[int, ...]
    vi: str
    en: str


SERIES: dict[str, UsualTime] = {
    # "2 fairs a year by 2018 (spring before Tết; summer around 30/4–1/5), plus autumn ...
    # in some years": Tết falls in late January or February, so spring = Jan-Feb.
    "hoi-cho-ocop-quang-ninh-series": UsualTime(
        (1, 2, 4, 5),
        "mùa xuân trước Tết (tháng 1–2) và mùa hè quanh 30/4–1/5; có năm thêm đợt thu đông",
        "spring, before Tết (January–February), and summer, around 30 April–1 May;"
        " some years also in autumn–winter",
    ),
    # "annual since 2015, mid-December"
    "hoi-hoa-so-binh-lieu-series": UsualTime(
        (12,), "giữa tháng 12 hằng năm", "mid-December every year"
    ),
    # "every 2 years since 2016, in the bloom season (late Nov – early lunar new year)":
    # the lunar new year begins in late January or February.
    "le-hoi-tra-hoa-vang-ba-che-series": UsualTime(
        (11, 12, 1, 2),
        "2 năm một lần, mùa hoa nở (cuối tháng 11 đến đầu năm âm lịch)",
        "every two years, in the bloom season (late November to the start of the lunar year)",
    ),
    # "annual since 2022, mid-May, xã Hải Sơn"
    "le-hoi-hoa-sim-bien-gioi-series": UsualTime(
        (5,), "giữa tháng 5 hằng năm", "mid-May every year"
    ),
    # "... at Trúc Lâm Yên Tử Cultural Centre from 2018; March" (no word on how often)
    "le-hoi-anh-dao-mai-vang-yen-tu-series": UsualTime((3,), "tháng 3", "in March"),
}
