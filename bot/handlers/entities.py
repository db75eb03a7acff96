"""Entity clean-up before any handler runs: a bare district name is a place, not a product."""

from __future__ import annotations

from dataclasses import replace

from bot.core.nlu import Entity
from bot.core.turn import Turn
from bot.handlers.context import catalog
from catalog.text import fold


async def read_district_names_as_places(turn: Turn) -> None:
    """Turns a product mention whose words are only a district's name into that district.

    "how about in Móng Cái?" names the district, even though "Móng Cái" is also part of
    the name of "Thịt lợn Móng Cái".
    """
    parse = turn.parse
    if parse is None or not any(e.entity == "product" for e in parse.entities):
        return
    names: dict[str, str] = {}
    for district in await catalog(turn).list_districts():
        for name in (district.name_vi, district.name_en):
            if name:
                names[fold(name)] = district.id
    kept: list[Entity] = []
    places = {(e.start, e.end) for e in parse.entities if e.entity == "location"}
    for entity in parse.entities:
        if entity.entity == "product" and entity.start is not None and entity.end is not None:
            district = names.get(fold(parse.text[entity.start : entity.end]))
            if district is not None:
                if (entity.start, entity.end) not in places:
                    kept.append(Entity("location", district, entity.start, entity.end))
                    places.add((entity.start, entity.end))
                continue
        kept.append(entity)
    turn.parse = replace(parse, entities=tuple(kept))
