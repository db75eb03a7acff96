"""Small labels shared by the cards: star badge, price line, source label, dates, venues."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote, urlparse

from bot.core.messages import Button
from bot.core.turn import Turn
from catalog.dto import PriceDTO, ProductDTO
from catalog.text import fold

URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
YEAR = re.compile(r"\b(19|20)\d{2}\b")
# Research words the facts file sometimes leaves inside a venue's brackets.
ENGLISH_ASIDE_CUES = re.compile(r"\s*\([^()]*\b(?:not|excerpt|stated|named)\b[^()]*\)")


def stars_badge(turn: Turn, product: ProductDTO) -> str:
    """★★★★★ 5 sao quốc gia (2022), or "OCOP — chưa công bố hạng sao"."""
    if product.stars is None:
        return turn.t("card.no_stars")
    glyphs = "★" * product.stars + "☆" * (5 - product.stars)
    level_key = f"card.level.{product.star_level}"
    level = turn.t(level_key) if turn.i18n.has(turn.lang, level_key) else ""
    year = YEAR.search(product.star_year or "")
    when = turn.t("card.star_year", year=year.group(0)) if year else ""
    return turn.t("card.stars", glyphs=glyphs, stars=product.stars, level=level, year=when)


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def month_year(turn: Turn, stamp: str | None) -> str:
    """'2019-11' -> '11/2019' (vi) or 'Nov 2019' (en); a bare year stays a year."""
    if not stamp:
        return ""
    parts = stamp.split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
        return turn.t("card.month_year", month=int(parts[1]), year=parts[0],
                      name=turn.t(f"month.{int(parts[1])}"))  # fmt: skip
    year = YEAR.search(stamp)
    return year.group(0) if year else ""


def unit_label(turn: Turn, unit: str | None) -> str:
    if not unit:
        return ""
    key = "unit." + "-".join(fold(unit).split())
    return turn.t(key) if turn.i18n.has(turn.lang, key) else unit


def price_line(turn: Turn, price: PriceDTO) -> str:
    """ "Giá tham khảo (báo, 11/2019): 300.000 đ / chai 1 lít", labelled by its kind."""
    low, high = price.min_vnd, price.max_vnd
    if low is not None and high is not None and high != low:
        amount = f"{vnd(low)[:-2]} – {vnd(high)}"
    elif low is not None or high is not None:
        amount = vnd(low if low is not None else high or 0)
    else:
        amount = price.stated
    unit = unit_label(turn, price.unit)
    when = month_year(turn, price.date)
    kind = price.kind if turn.i18n.has(turn.lang, f"card.price.{price.kind}") else "news"
    label = turn.t(f"card.price.{kind}", when=f", {when}" if when else "")
    return turn.t("card.price", label=label, amount=amount, unit=f" / {unit}" if unit else "")


def source_label(url: str) -> str:
    """https://www.baoquangninh.vn/x.html -> baoquangninh.vn."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def source_line(turn: Turn, sources: tuple[str, ...]) -> str:
    if not sources:
        return turn.t("common.no_source")
    return turn.t("card.source", label=source_label(sources[0]))


def source_button(turn: Turn, sources: tuple[str, ...]) -> tuple[Button, ...]:
    """A button that opens the main source, titled with its short label."""
    if not sources:
        return ()
    title = turn.t("card.source_button", label=source_label(sources[0]))
    return (Button(title, "", url=link(sources[0])),)


def link(url: str) -> str:
    """The URL with any non-ASCII character percent-encoded (link buttons refuse them)."""
    return quote(url, safe=URL_SAFE)


def venue_text(turn: Turn, venue: str) -> str:
    """The venue as the source names it, without the research asides in brackets."""
    text = ENGLISH_ASIDE_CUES.sub("", venue).strip()
    return text.replace(" or ", turn.t("card.or"))


def day_range(turn: Turn, start: date, end: date | None) -> str:
    """6–11/2/2026 (vi) or 6–11 Feb 2026 (en); a single day when there is no end."""
    if end is None or end == start:
        return turn.t("card.day", d=start.day, m=start.month, y=start.year,
                      name=turn.t(f"month.{start.month}"))  # fmt: skip
    if (end.year, end.month) == (start.year, start.month):
        return turn.t("card.days_same_month", d1=start.day, d2=end.day, m=start.month,
                      y=start.year, name=turn.t(f"month.{start.month}"))  # fmt: skip
    return turn.t("card.days", d1=start.day, m1=start.month, d2=end.day, m2=end.month,
                  y=end.year, name1=turn.t(f"month.{start.month}"),
                  name2=turn.t(f"month.{end.month}"))  # fmt: skip
