"""OCOP fairs and festivals: upcoming editions first, then recurring ones, past when asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.messages import Reply
from bot.core.numbers import bounded_int
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.cards.event import event_card
from bot.handlers.cards.labels import YEAR
from bot.handlers.context import Where, catalog, district_label
from bot.handlers.event_query import FAIR_KINDS, FESTIVAL_KINDS, EventQuery, read_event_query
from bot.handlers.menu import menu_button
from catalog.dto import EventDTO, PlaceDTO

MAX_EVENTS = 4
EVENT_PLACE_KINDS = ("festival", "festival_venue", "fair_venue")
KIND_CODES = {"f": FAIR_KINDS, "l": FESTIVAL_KINDS, "a": ()}


def today_of(turn: Turn) -> date:
    """Today's date from the engine's clock (tests set it)."""
    return turn.settings.today()


def is_upcoming(event: EventDTO, today: date) -> bool:
    """A dated edition not over yet; an undated one of a later year (or later month)."""
    if event.series:
        return False
    if event.date_start is not None:
        return (event.date_end or event.date_start) >= today
    year = stated_year(event)
    if year is None:
        return False
    later_month = any(month >= today.month for month in event.months)
    return year > today.year or (year == today.year and later_month)


def stated_year(event: EventDTO) -> int | None:
    if event.year is not None:
        return event.year
    found = YEAR.search(" ".join(filter(None, (event.dates_as_stated, event.name_vi, event.id))))
    return int(found.group(0)) if found else None


def held_date(event: EventDTO) -> date:
    """The date to sort by: the start, else the 1st of its stated month and year."""
    if event.date_start is not None:
        return event.date_start
    month = event.months[0] if len(event.months) == 1 else 1
    return date(stated_year(event) or 1900, month, 1)


@dataclass
class Split:
    upcoming: list[EventDTO]
    series: list[EventDTO]
    past: list[EventDTO]


def split(events: list[EventDTO], today: date) -> Split:
    upcoming = sorted((e for e in events if is_upcoming(e, today)), key=held_date)
    series = [e for e in events if e.series]
    past = sorted(
        (e for e in events if not e.series and e not in upcoming), key=held_date, reverse=True
    )
    return Split(upcoming, series, past)


async def find_events(
    turn: Turn, district: str | None, query: EventQuery, place_id: str | None = None
) -> Split:
    service = catalog(turn)
    found = await service.events(
        district=district, month=query.month, year=query.year, today=today_of(turn),
        include_past=True,
    )  # fmt: skip
    if query.kinds:
        found = [e for e in found if e.kind in query.kinds]
    if place_id:
        found = [e for e in found if e.place_id == place_id]
    return split(found, today_of(turn))


async def answer_events(turn: Turn, where: Where) -> Outcome:
    """Answers a fair or festival question for the place and time it names."""
    query = read_event_query(turn.parse.text if turn.parse else "", today_of(turn))
    place = where.place if where.place and where.place.kind in EVENT_PLACE_KINDS else None
    district = None if place else where.district_id
    found = await find_events(turn, district, query, place.id if place else None)
    if place is not None and not (found.upcoming or found.series or found.past):
        found = await find_events(turn, place.district_id, query)
    label = await _where_label(turn, district, place)
    code = next((c for c, kinds in KIND_CODES.items() if kinds == query.kinds), "a")
    return await show_events(turn, found, query, label, (district or "-", code), bool(place))


async def show_events(
    turn: Turn, found: Split, query: EventQuery, label: str, key: tuple[str, str], named: bool
) -> Outcome:
    """Shows a header and one card per event; past editions only when asked."""
    turn.memory.topic = "tourism"
    when = turn.t("event.in_year", year=query.year) if query.year else ""
    when += turn.t("tourism.in_month", month=query.month) if query.month else ""
    shown = [*found.past, *found.upcoming] if query.past else [*found.upcoming, *found.series]
    if query.past and not shown:
        shown = found.series
    buttons = [menu_button(turn)]
    if found.past and not query.past:
        past = make_payload("ev", "past", key[0], key[1], query.month or 0)
        buttons.insert(0, turn.button("event.button.past", past, count=len(found.past)))
    if not shown:
        text = turn.t("event.none", where=label, when=when)
        return Outcome([Reply(text, tuple(buttons))])
    header = "event.header_named" if named else "event.header"
    lines = [turn.t(header, where=label, when=when, count=len(shown))]
    if not query.past and not found.upcoming:
        lines.append(turn.t("event.no_upcoming"))
    if len(shown) > MAX_EVENTS:
        lines.append(turn.t("event.more", count=len(shown) - MAX_EVENTS))
    replies = [Reply("\n".join(lines), tuple(buttons))]
    held = named and found.past and not query.past and not found.upcoming
    last = found.past[0] if held else None
    today = today_of(turn)
    service = catalog(turn)
    for event in shown[:MAX_EVENTS]:
        featured = await service.get_products(list(event.products_featured))
        replies.append(event_card(turn, event, today, featured, last if event.series else None))
    return Outcome(replies)


async def _where_label(turn: Turn, district: str | None, place: PlaceDTO | None) -> str:
    if place is not None:
        return place.name_vi
    found = await catalog(turn).get_district(district) if district else None
    name = district_label(turn, found) if found else turn.t("tourism.province")
    return turn.t("event.where", place=name)


async def show_past_button(turn: Turn) -> Outcome:
    """Shows the past editions of the last fair or festival question."""
    args = turn.payload.args if turn.payload else ()
    district = args[0] if args and args[0] != "-" else None
    code = args[1] if len(args) > 1 and args[1] in KIND_CODES else "a"
    month = bounded_int(args[2], 12) if len(args) > 2 else None  # 0 or junk: any month
    month = month if month is not None and month >= 1 else None
    query = EventQuery(KIND_CODES[code], None, month, True)
    found = await find_events(turn, district, query)
    label = await _where_label(turn, district, None)
    return await show_events(turn, found, query, label, (district or "-", code), False)


async def show_event_button(turn: Turn) -> Outcome:
    """Shows the fair or festival on the pressed button."""
    event = await catalog(turn).get_event(turn.payload.arg or "" if turn.payload else "")
    if event is None:
        return Outcome([turn.say("event.not_found", menu_button(turn))])
    featured = await catalog(turn).get_products(list(event.products_featured))
    return Outcome([event_card(turn, event, today_of(turn), featured, None)])


def setup(router: Router) -> None:
    """Registers the event buttons (the questions arrive through tourism_suggest)."""
    router.on_payload("ev:past", show_past_button)
    router.on_payload("ev:one", show_event_button)
