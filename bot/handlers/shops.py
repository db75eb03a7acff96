"""Where to buy: shops by place name, by shared location, for a product, or online."""

from __future__ import annotations

from bot.core.messages import Button, LocationCard, Reply
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.context import catalog, district_label, mentioned_place, product_mentions
from bot.handlers.menu import menu_button
from bot.handlers.product_replies import MAX_CHOICES, ask_choice
from bot.handlers.where_to_buy import where_to_buy
from catalog.dto import PlaceDTO
from catalog.enums import SHOP_KINDS

ASK_WHERE = "shops:where"
NEAREST = 3


async def find_shops(turn: Turn) -> Outcome:
    """Finds OCOP shops for the product or place named, or asks where the person is."""
    mentions = product_mentions(turn.parse)
    if mentions and len(mentions[0]) == 1:
        return await shops_for(turn, mentions[0][0])
    if mentions:
        products = await catalog(turn).get_products(mentions[0][:MAX_CHOICES])
        return ask_choice(turn, products, "shops")
    where = await mentioned_place(turn)
    if where.district_id:
        return await shops_in(turn, where.district_id)
    if where.unknown:
        return Outcome([turn.say("shops.unknown_place", *await district_buttons(turn, "s"))])
    if turn.memory.location:
        lat, lon = turn.memory.location
        return await shops_near(turn, lat, lon)
    return await ask_where(turn)


async def ask_where(turn: Turn) -> Outcome:
    """Asks for a shared location or a district."""
    turn.memory.topic = "shops"
    buttons = await district_buttons(turn, "s")
    reply = Reply(turn.t("shops.ask_where"), buttons, request_location=True)
    return Outcome([reply], ASK_WHERE)


async def district_buttons(turn: Turn, topic: str) -> tuple[Button, ...]:
    """One button per district, pressing `<topic>:dist:<district id>`."""
    districts = await catalog(turn).list_districts()
    return tuple(
        Button(district_label(turn, d), make_payload(topic, "dist", d.id)) for d in districts
    )


async def shops_near(turn: Turn, lat: float, lon: float) -> Outcome:
    """Lists the nearest OCOP centres and sales points with distance, address and map link."""
    turn.memory.location, turn.memory.topic = [lat, lon], "shops"
    try:
        found = await catalog(turn).nearest_places(lat, lon, SHOP_KINDS, NEAREST)
    except ValueError:
        return Outcome([turn.say("shops.bad_location", menu_button(turn))])
    if not found:
        return Outcome([online_reply(turn, turn.t("shops.none_near"))])
    return Outcome(_listing(turn, turn.t("shops.nearest"), found))


async def shops_in(turn: Turn, district_id: str) -> Outcome:
    """Lists the OCOP shops of a district, or the nearest ones and online channels if none."""
    service = catalog(turn)
    district = await service.get_district(district_id)
    name = district_label(turn, district) if district else district_id
    turn.memory.topic = "shops"
    places = await service.places(district=district_id, kinds=SHOP_KINDS)
    if places:
        return Outcome(_listing(turn, turn.t("shops.in_district", district=name), places))
    if district and district.lat is not None and district.lon is not None:
        found = await service.nearest_places(district.lat, district.lon, SHOP_KINDS, NEAREST)
        if found:
            header = turn.t("shops.none_in_district_nearest", district=name)
            replies = _listing(turn, header, found)
            return Outcome([*replies, online_reply(turn, turn.t("shops.also_online"))])
    return Outcome([online_reply(turn, turn.t("shops.none_in_district", district=name))])


async def shops_for(turn: Turn, product_id: str) -> Outcome:
    """Lists the shops a source says carry the product; otherwise centres and online shops."""
    service = catalog(turn)
    product = await service.get_product(product_id)
    if product is None:
        return Outcome([turn.say("product.not_found", menu_button(turn))])
    turn.memory.focus_products([product.id])
    turn.memory.topic = "shops"
    name = render.product_name(turn, product)
    where = await where_to_buy(service, product)
    if where.basis == "sells":
        return Outcome(_listing(turn, turn.t("shops.selling", product=name), where.places))
    if where.basis == "district":
        district = render.district_of(turn, product)
        header = turn.t("shops.selling_district", product=name, district=district)
        return Outcome(_listing(turn, header, where.places))
    header = turn.t("shops.selling_unknown", product=name)
    replies = _listing(turn, header, where.places) if where.places else [Reply(header)]
    return Outcome([*replies, online_reply(turn, turn.t("shops.also_online"))])


def online_reply(turn: Turn, lead: str) -> Reply:
    """The online channels (teqni.gov.vn, Voso, Postmart), with their source."""
    return Reply(f"{lead}\n{turn.t('shops.online')}", (menu_button(turn),))


def _listing(
    turn: Turn, header: str, found: list[PlaceDTO] | list[tuple[PlaceDTO, float]]
) -> list[Reply]:
    pairs: list[tuple[PlaceDTO, float | None]] = [
        (p, None) if isinstance(p, PlaceDTO) else p for p in found
    ]
    turn.memory.places = [p.id for p, _ in pairs]
    lines = [header]
    lines += [f"{i}. {render.place_line(turn, p, km)}" for i, (p, km) in enumerate(pairs, 1)]
    first = next((p for p, _ in pairs if p.own_coords), None)
    card = None
    if first is not None and first.lat is not None and first.lon is not None:
        card = LocationCard(first.lat, first.lon, render.place_name(turn, first), first.address)
    buttons = (turn.button("button.online", "s:online"), menu_button(turn))
    return [Reply("\n".join(lines), buttons, location=card)]


async def shops_at_location(turn: Turn) -> Outcome:
    """Shows the OCOP shops nearest to the shared location."""
    point = turn.msg.location
    assert point is not None  # the router sends only locations here
    return await shops_near(turn, point.lat, point.lon)


async def shops_for_button(turn: Turn) -> Outcome:
    """Shows where to buy the product on the pressed button."""
    return await shops_for(turn, turn.payload.arg or "" if turn.payload else "")


async def shops_in_button(turn: Turn) -> Outcome:
    """Shows the OCOP shops of the district on the pressed button."""
    return await shops_in(turn, turn.payload.arg or "" if turn.payload else "")


async def show_online(turn: Turn) -> Outcome:
    """Shows the online channels for OCOP products."""
    return Outcome([online_reply(turn, turn.t("shops.online_lead"))])


async def ask_where_button(turn: Turn) -> Outcome:
    """Asks where the person is, to find shops."""
    return await ask_where(turn)


def setup(router: Router) -> None:
    """Registers shop search, shared locations and the shop buttons."""
    router.on_intent("shop_search", find_shops)
    router.on_location(shops_at_location)
    router.on_payload("nav:shops", ask_where_button)
    router.on_payload("p:shops", shops_for_button)
    router.on_payload("s:dist", shops_in_button)
    router.on_payload("s:online", show_online)
