"""Reads a question about fairs and festivals: which kind, which year, past or upcoming."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from catalog.seasons import season_months
from catalog.text import fold

FAIR_CUES = ("hoi cho", "fair", "fairs", "tuan le ocop", "trade week", "phien cho ocop")
FESTIVAL_CUES = ("le hoi", "hoi hoa", "festival", "festivals", "hoi tra", "hoi xuan")
PAST_CUES = (
    "nam ngoai", "nam truoc", "da to chuc", "da dien ra", "truoc day", "lan truoc",
    "last year", "past", "previous", "was held", "were held", "already held", "so far",
)  # fmt: skip
LAST_YEAR_CUES = ("nam ngoai", "nam truoc", "last year")
THIS_YEAR_CUES = ("nam nay", "this year")
NEXT_YEAR_CUES = ("nam sau", "nam toi", "sang nam", "next year")
WORD = re.compile(r"\w+")
YEAR = re.compile(r"\b(20\d{2})\b")
FAIR_KINDS = ("ocop_fair", "trade_fair", "ocop_trade_week", "ocop_fair_series")
FESTIVAL_KINDS = ("festival", "festival_series")


def _has(text: str, cues: tuple[str, ...]) -> bool:
    padded = " " + " ".join(WORD.findall(text)) + " "
    return any(f" {cue} " in padded for cue in cues)


def is_event_question(text: str) -> bool:
    """True when the words ask about a fair or a festival."""
    folded = fold(text)
    return _has(folded, FAIR_CUES) or _has(folded, FESTIVAL_CUES)


@dataclass(frozen=True)
class EventQuery:
    """What the person asked: kinds (empty = any), year, month, and whether past ones count."""

    kinds: tuple[str, ...]
    year: int | None
    month: int | None
    past: bool


def read_event_query(text: str, today: date) -> EventQuery:
    """Reads kinds, year ("2024", "năm ngoái"), month ("tháng 12", "December") and pastness."""
    folded = fold(text)
    fairs, festivals = _has(folded, FAIR_CUES), _has(folded, FESTIVAL_CUES)
    kinds: tuple[str, ...] = ()
    if fairs != festivals:
        kinds = FAIR_KINDS if fairs else FESTIVAL_KINDS
    year: int | None = None
    found = YEAR.search(folded)
    if found:
        year = int(found.group(1))
    elif _has(folded, LAST_YEAR_CUES):
        year = today.year - 1
    elif _has(folded, THIS_YEAR_CUES):
        year = today.year
    elif _has(folded, NEXT_YEAR_CUES):
        year = today.year + 1
    months = season_months(text) or season_months(folded.replace("thang", "tháng"))
    month = months[0] if months else None
    past = _has(folded, PAST_CUES) or (year is not None and year < today.year)
    return EventQuery(kinds, year, month, past)
