"""Reads the months of a season text such as "flowers late Nov – Feb" or "mid-December"."""

from __future__ import annotations

import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TOKEN = re.compile(
    r"\b(?P<name>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?(?![a-z])"
    r"|tháng\s*(?P<vi>1[0-2]|0?[1-9])\b"
    r"|\b\d{1,2}\s*/\s*(?P<date>1[0-2]|0?[1-9])\b",
    re.IGNORECASE,
)
# What may stand between two months of one range: "Nov – Feb", "late Nov to early Feb".
_RANGE_GAP = re.compile(
    r"^\s*(?:–|—|-|to|until|đến|tới)\s*(?:(?:early|mid|late|đầu|giữa|cuối)[\s-]*)?$",
    re.IGNORECASE,
)


def _expand(start: int, end: int) -> list[int]:
    months = [start]
    while months[-1] != end:
        months.append(months[-1] % 12 + 1)  # ranges may wrap: Nov – Feb
    return months


def season_months(season: str | None) -> tuple[int, ...]:
    """Returns the months (1-12, sorted) a season text mentions; ranges are expanded.

    Args:
        season: free text such as "flowers late Nov – Feb; festival every 2 years" or
            "mid-December (e.g. 15–17/12/2017)"; None for unknown.

    Returns:
        The months, or an empty tuple when none can be read.
    """
    if not season:
        return ()
    found: list[tuple[int, int, int]] = []  # (month, start, end) in text order
    for match in _TOKEN.finditer(season):
        if match["name"]:
            month = _MONTHS.index(match["name"].lower()) + 1
        else:
            month = int(match["vi"] or match["date"])
        found.append((month, match.start(), match.end()))
    months: set[int] = set()
    for index, (month, _start, end) in enumerate(found):
        months.add(month)
        if index + 1 < len(found):
            following, next_start, _ = found[index + 1]
            if _RANGE_GAP.match(season[end:next_start]):
                months.update(_expand(month, following))
    return tuple(sorted(months))
