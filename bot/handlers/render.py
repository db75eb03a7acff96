"""Formats catalog facts for people: names, stars, prices, places and map links."""

from __future__ import annotations

from bot.core.turn import Turn
from bot.handlers.cards.labels import price_line, source_line, vnd
from catalog.dto import PlaceDTO, ProductDTO

MAP_URL = "https://www.google.com/maps/search/?api=1&query={lat:.5f},{lon:.5f}"


def product_name(turn: Turn, product: ProductDTO) -> str:
    """Returns the product's name in the chat's language (Vietnamese when no translation)."""
    return (product.name_en if turn.lang == "en" else None) or product.name_vi


def place_name(turn: Turn, place: PlaceDTO) -> str:
    return (place.name_en if turn.lang == "en" else None) or place.name_vi


def district_of(turn: Turn, product: ProductDTO) -> str:
    name = (product.district_name_en if turn.lang == "en" else None) or product.district_name
    return name or turn.t("common.unknown")


def category_name(turn: Turn, category: str) -> str:
    key = f"category.{category}"
    return turn.t(key) if turn.i18n.has(turn.lang, key) else category


def price_text(turn: Turn, product: ProductDTO) -> str:
    """The sourced price with its unit and kind, or the honest "giá: liên hệ"."""
    if product.price is None:
        producer = product.producer_name or turn.t("product.the_producer")
        return turn.t("product.price_unknown", producer=producer)
    return price_line(turn, product.price)


def source_text(turn: Turn, sources: tuple[str, ...]) -> str:
    return source_line(turn, sources)


def map_link(place: PlaceDTO) -> str | None:
    if place.lat is None or place.lon is None:
        return None
    return MAP_URL.format(lat=place.lat, lon=place.lon)


def place_line(turn: Turn, place: PlaceDTO, km: float | None = None) -> str:
    """One place as a line: name, distance (own pin only) or district, address, map link.

    A place without its own coordinates is never given a distance: it is "in <district>",
    with the address its source gives.
    """
    parts = [place_name(turn, place)]
    if km is not None and place.own_coords:
        parts.append(turn.t("place.distance", km=f"{km:.1f}"))
    elif place.district_name:
        parts.append(turn.t("place.in_district", district=place.district_name))
    parts.append(place.address or turn.t("place.no_address"))
    line = " — ".join(parts)
    link = map_link(place) if place.own_coords else None
    if link:
        line += "\n  " + turn.t("place.map", url=link)
    return line


def product_line(turn: Turn, number: int, product: ProductDTO) -> str:
    """One product as a numbered line: name, stars, district, price."""
    stars = turn.t("product.stars_short", stars=product.stars) if product.stars else "—"
    price = vnd(product.price_vnd) if product.price_vnd else turn.t("product.price_short")
    district = district_of(turn, product)
    return f"{number}. {product_name(turn, product)} · {stars} · {district} · {price}"
