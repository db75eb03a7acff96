"""An OCOP fair or festival as a card: name, when, where, products featured, source."""

from __future__ import annotations

from datetime import date

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.cards.labels import YEAR, day_range, source_button, source_line, venue_text
from catalog.dto import EventDTO, ProductDTO

FEATURED = 3


def event_name(turn: Turn, event: EventDTO) -> str:
    return (event.name_en if turn.lang == "en" else None) or event.name_vi


def when_text(turn: Turn, event: EventDTO, today: date) -> str:
    """When it happens: its dates, its usual time (series), or the year the source gives."""
    if event.series:
        usual = event.usual_time_en if turn.lang == "en" else event.usual_time_vi
        return turn.t("event.usual", time=usual) if usual else turn.t("event.usual_unknown")
    if event.date_start is not None:
        days = day_range(turn, event.date_start, event.date_end)
        ended = (event.date_end or event.date_start) < today
        return turn.t("event.held" if ended else "event.dates", days=days)
    year = YEAR.search(" ".join(filter(None, (event.dates_as_stated, event.name_vi, event.id))))
    if year and len(event.months) == 1:
        return turn.t("event.month_only", month=event.months[0], year=year.group(0),
                      name=turn.t(f"month.{event.months[0]}"))  # fmt: skip
    if year:
        return turn.t("event.year_only", year=year.group(0))
    return turn.t("event.date_unknown")


def when_short(turn: Turn, event: EventDTO, today: date) -> str:
    """When, for a one-line listing: the usual time of a series, else the dates."""
    if event.series:
        usual = event.usual_time_en if turn.lang == "en" else event.usual_time_vi
        if usual:
            return usual
    if event.date_start is not None:
        return day_range(turn, event.date_start, event.date_end)
    return when_text(turn, event, today).removeprefix("🗓 ")


def where_text(turn: Turn, event: EventDTO) -> str:
    if event.venue:
        return turn.t("event.venue", venue=venue_text(turn, event.venue))
    district = (event.district_name_en if turn.lang == "en" else None) or event.district_name
    if district:
        return turn.t("event.in_district", district=district)
    return turn.t("event.venue_unknown")


def event_card(
    turn: Turn, event: EventDTO, today: date, featured: list[ProductDTO], last: EventDTO | None
) -> Reply:
    """Builds one event's card; `last` is the latest held edition of a series, if any."""
    lines = [
        turn.t("event.title", name=event_name(turn, event)),
        when_text(turn, event, today),
        where_text(turn, event),
    ]
    if last is not None and last.date_start is not None:
        days = day_range(turn, last.date_start, last.date_end)
        lines.append(turn.t("event.last_held", days=days))
    if featured:
        names = ", ".join(render.product_name(turn, p) for p in featured[:FEATURED])
        lines.append(turn.t("event.featured", products=names))
    lines.append(source_line(turn, event.sources))
    buttons = [
        Button(render.product_name(turn, p), make_payload("p", "info", p.id))
        for p in featured[:FEATURED]
    ]
    return Reply("\n".join(lines), (*buttons, *source_button(turn, event.sources)))
