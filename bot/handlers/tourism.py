"""Tourism suggestions: sites and festivals by place and season, with OCOP products nearby."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.numbers import page_number
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import events, render
from bot.handlers.cards.event import event_name, when_short
from bot.handlers.cards.labels import source_button
from bot.handlers.cards.place import place_lines
from bot.handlers.context import catalog, district_label, mentioned_place
from bot.handlers.event_query import EventQuery, is_event_question
from bot.handlers.menu import menu_button
from bot.handlers.shops import district_buttons
from catalog.dto import PlaceDTO
from catalog.enums import SHOP_KINDS
from catalog.seasons import season_months
from catalog.text import fold

ASK_WHERE = "tourism:where"
MAX_PLACES = 4
NEARBY_PRODUCTS = 3
EVENTS_MENTIONED = 3


async def suggest_tourism(turn: Turn) -> Outcome:
    """Suggests sites and festivals for the place and month asked about."""
    where = await mentioned_place(turn)
    if turn.parse and is_event_question(turn.parse.text):
        return await events.answer_events(turn, where)
    month = asked_month(turn.parse.text) if turn.parse else None
    if where.place and where.place.kind in ("festival", "tourism_site"):
        mention = await events_mention(turn, None, None, where.place.id)
        mention = mention or await events_mention(turn, where.place.district_id, None)
        return Outcome([await place_reply(turn, where.place), *([mention] if mention else [])])
    if where.district_id or month:
        return await tourism_in(turn, where.district_id, month)
    return await tourism_overview(turn)


async def tourism_overview(turn: Turn) -> Outcome:
    """Lists the fairs and festivals held every year and asks which district to visit."""
    turn.memory.topic = "tourism"
    today = events.today_of(turn)
    found = await catalog(turn).events(today=today, series=True)
    lines = [turn.t("tourism.overview")]
    lines += [f"• {event_name(turn, e)}: {when_short(turn, e, today)}" for e in found]
    buttons = await district_buttons(turn, "t")
    return Outcome([Reply("\n".join(lines), buttons)], ASK_WHERE)


async def events_mention(
    turn: Turn, district_id: str | None, month: int | None, place_id: str | None = None
) -> Reply | None:
    """The fairs and festivals there or then (upcoming, then yearly), as one short reply."""
    query = EventQuery((), None, month, False)
    found = await events.find_events(turn, district_id, query, place_id)
    shown = [*found.upcoming, *found.series][:EVENTS_MENTIONED]
    if not shown:
        return None
    today = events.today_of(turn)
    lines = [turn.t("tourism.events")]
    lines += [f"• {event_name(turn, e)}: {when_short(turn, e, today)}" for e in shown]
    buttons = tuple(Button(event_name(turn, e), make_payload("ev", "one", e.id)) for e in shown)
    return Reply("\n".join(lines), buttons)


async def tourism_in(
    turn: Turn, district_id: str | None, month: int | None, page: int = 0
) -> Outcome:
    """Lists sites and festivals of a district and/or month, each with products nearby."""
    service = catalog(turn)
    turn.memory.topic = "tourism"
    turn.memory.tour = {"district": district_id, "month": month}
    district = await service.get_district(district_id) if district_id else None
    label = district_label(turn, district) if district else turn.t("tourism.province")
    when = turn.t("tourism.in_month", month=month) if month else ""
    found = await service.tourism(district=district_id, month=month)
    if not found:
        text = turn.t("tourism.none", place=label, when=when)
        mention = await events_mention(turn, district_id, month)
        buttons = (turn.button("button.tourism", "nav:tourism"), menu_button(turn))
        return Outcome([Reply(text, buttons), *([mention] if mention else [])])
    first = page * MAX_PLACES
    shown = found[first : first + MAX_PLACES]
    turn.memory.places = [p.id for p in shown]
    header = turn.t(
        "tourism.found",
        place=label,
        when=when,
        count=len(found),
        first=first + 1 if shown else 0,
        last=first + len(shown),
    )
    buttons = [menu_button(turn)]
    if first + MAX_PLACES < len(found):
        buttons.insert(0, turn.button("button.more", make_payload("t", "page", page + 1)))
    replies = [Reply(header, tuple(buttons), replace_previous=page > 0)]
    mention = await events_mention(turn, district_id, month) if page == 0 else None
    replies += [mention] if mention else []
    replies += [await place_reply(turn, p) for p in shown]
    return Outcome(replies)


async def place_reply(turn: Turn, place: PlaceDTO) -> Reply:
    """One site, shop or festival place: what it is, products and shops nearby, source."""
    service = catalog(turn)
    lines = place_lines(turn, place)
    source = lines.pop()
    buttons: list[Button] = []
    if place.district_id:
        page = await service.search_products(district=place.district_id, limit=NEARBY_PRODUCTS)
        if page.items:
            names = ", ".join(render.product_name(turn, p) for p in page.items)
            lines.append(turn.t("tourism.products_nearby", products=names))
            buttons.append(
                turn.button("button.products_here", make_payload("p", "dist", place.district_id))
            )
        shops = await service.places(district=place.district_id, kinds=SHOP_KINDS)
        shop_names = ", ".join(render.place_name(turn, s) for s in shops[:2])
        lines.append(
            turn.t("tourism.shops_nearby", shops=shop_names)
            if shops
            else turn.t("tourism.no_shops_nearby")
        )
        buttons.append(
            turn.button("button.shops_here", make_payload("s", "dist", place.district_id))
        )
    lines.append(source)
    return Reply("\n".join(lines), (*buttons, *source_button(turn, place.sources)))


def asked_month(text: str) -> int | None:
    """Reads the month asked about: "tháng 12", "thang 12", "December"."""
    months = season_months(text) or season_months(fold(text).replace("thang", "tháng"))
    return months[0] if months else None


async def tourism_in_button(turn: Turn) -> Outcome:
    """Shows sites and festivals of the district on the pressed button."""
    return await tourism_in(turn, turn.payload.arg if turn.payload else None, None)


async def show_tourism_page(turn: Turn) -> Outcome:
    """Shows the next sites and festivals of the last tourism question."""
    arg = turn.payload.arg if turn.payload else None
    tour = turn.memory.tour
    page = page_number(arg)
    return await tourism_in(turn, tour.get("district"), tour.get("month"), page)


async def tourism_near(turn: Turn) -> Outcome:
    """Shows the sites and festivals nearest to the shared location."""
    point = turn.msg.location
    assert point is not None
    found = await catalog(turn).nearest_places(
        point.lat, point.lon, ("festival", "tourism_site"), 3
    )
    turn.memory.location = [point.lat, point.lon]
    replies = [Reply(turn.t("tourism.nearest"))]
    replies += [await place_reply(turn, p) for p, _km in found]
    return Outcome(replies)


async def show_place_button(turn: Turn) -> Outcome:
    """Shows the site, shop or festival place on the pressed button."""
    place = await catalog(turn).get_place(turn.payload.arg or "" if turn.payload else "")
    if place is None:
        return Outcome([turn.say("place.not_found", menu_button(turn))])
    return Outcome([await place_reply(turn, place)])


async def tourism_menu(turn: Turn) -> Outcome:
    """Shows the tourism overview."""
    return await tourism_overview(turn)


def setup(router: Router) -> None:
    """Registers tourism suggestions and their buttons."""
    router.on_intent("tourism_suggest", suggest_tourism)
    router.on_location(tourism_near, step=ASK_WHERE)
    router.on_payload("nav:tourism", tourism_menu)
    router.on_payload("t:dist", tourism_in_button)
    router.on_payload("t:page", show_tourism_page)
    router.on_payload("t:place", show_place_button)
