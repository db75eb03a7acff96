"""A place as a card: name, district, what it is, address or map, source."""

from __future__ import annotations

from bot.core.turn import Turn
from bot.handlers import render
from bot.handlers.cards.labels import source_line
from catalog.dto import PlaceDTO

DESCRIPTION_CHARS = 360


def place_description(turn: Turn, place: PlaceDTO) -> str | None:
    """The description in the reply's language only."""
    text = place.description_en if turn.lang == "en" else place.description_vi
    if not text:
        return None
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def place_title(turn: Turn, place: PlaceDTO) -> str:
    name = render.place_name(turn, place)
    district = place.district_name
    return f"📍 {name} ({district})" if district and district not in name else f"📍 {name}"


def place_lines(turn: Turn, place: PlaceDTO) -> list[str]:
    """Title, description, where it is (address, or the district when it has no own pin)."""
    lines = [place_title(turn, place)]
    about = place_description(turn, place)
    if about:
        lines.append(about)
    if place.address:
        lines.append(turn.t("place.address", address=place.address))
    link = render.map_link(place) if place.own_coords else None
    if link:
        lines.append(turn.t("place.map", url=link))
    lines.append(source_line(turn, place.sources))
    return lines
