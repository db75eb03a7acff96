"""Formats catalog facts for people: names, stars, prices, places and map links."""

from __future__ import annotations

from bot.core.turn import Turn
from catalog.dto import PlaceDTO, ProductDTO

MAP_URL = "https://www.google.com/maps/search/?api=1&query={lat:.5f},{lon:.5f}"
NOTE_CHARS = 300


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


def stars_text(turn: Turn, product: ProductDTO) -> str:
    """Says the OCOP stars with level and year, or plainly that none is recorded."""
    if product.stars is None:
        return turn.t("product.no_stars")
    level_key = f"level.{product.star_level}"
    level = turn.t(level_key) if turn.i18n.has(turn.lang, level_key) else product.star_level
    details = ", ".join(part for part in (level, product.star_year) if part)
    if details:
        return turn.t("product.stars_detail", stars=product.stars, details=details)
    return turn.t("product.stars", stars=product.stars)


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def price_text(turn: Turn, product: ProductDTO) -> str:
    """Says the published price, or the honest "giá: liên hệ" with the producer."""
    if product.price_vnd is None:
        producer = product.producer_name or turn.t("product.the_producer")
        return turn.t("product.price_unknown", producer=producer)
    amount = vnd(product.price_vnd)
    if product.price_max_vnd and product.price_max_vnd != product.price_vnd:
        amount = f"{amount} – {vnd(product.price_max_vnd)}"
    unit = product.price_unit or product.unit
    text = turn.t("product.price_known", amount=amount, unit=f"/{unit}" if unit else "")
    if product.price_note:
        text += "\n" + turn.t("product.price_note", note=product.price_note)
    return text


def source_text(turn: Turn, sources: tuple[str, ...]) -> str:
    return turn.t("common.source", url=sources[0]) if sources else turn.t("common.no_source")


def note_text(product: ProductDTO) -> str | None:
    """The first lines of what the sources say about the product, trimmed."""
    text = product.description or product.note
    if not text:
        return None
    return text if len(text) <= NOTE_CHARS else text[: NOTE_CHARS - 1].rstrip() + "…"


def map_link(place: PlaceDTO) -> str | None:
    if place.lat is None or place.lon is None:
        return None
    return MAP_URL.format(lat=place.lat, lon=place.lon)


def place_line(turn: Turn, place: PlaceDTO, km: float | None = None) -> str:
    """One place as a line: name, distance, address, map link, and honesty about coords."""
    parts = [place_name(turn, place)]
    if km is not None:
        parts.append(turn.t("place.distance", km=f"{km:.1f}"))
    parts.append(place.address or place.district_name or turn.t("place.no_address"))
    line = " — ".join(parts)
    link = map_link(place)
    if link:
        line += "\n  " + turn.t("place.map", url=link)
        if place.approximate:
            line += " " + turn.t("place.approximate")
    return line


def product_line(turn: Turn, number: int, product: ProductDTO) -> str:
    """One product as a numbered line: name, stars, district, price."""
    stars = turn.t("product.stars_short", stars=product.stars) if product.stars else "—"
    price = vnd(product.price_vnd) if product.price_vnd else turn.t("product.price_short")
    district = district_of(turn, product)
    return f"{number}. {product_name(turn, product)} · {stars} · {district} · {price}"
