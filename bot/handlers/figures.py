"""How many OCOP products: answered from the dated, sourced figures of the catalog."""

from __future__ import annotations

import re

from bot.core.messages import Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.cards.labels import source_button, source_label
from bot.handlers.context import catalog, district_label, mentioned_place
from bot.handlers.menu import menu_button
from catalog.dto import FigureDTO

STAR_WORDS = re.compile(r"\b([345])\s*-?\s*(?:sao|stars?|\*|★)")
FIVE_KEYS = ("five_national", "five", "five_provincial")
STAR_KEYS = {3: ("three",), 4: ("four",), 5: FIVE_KEYS}
DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def as_of_label(turn: Turn, as_of: str) -> str:
    """ "2022-11-22" -> 22/11/2022, "2019-11" -> 11/2019, "2022-end" -> cuối 2022."""
    found = DATE.search(as_of)
    if not found:
        return as_of
    year, month, day = found.groups()
    if day:
        return turn.t("figure.day", d=int(day), m=int(month), y=year,
                      name=turn.t(f"month.{int(month)}"))  # fmt: skip
    if month:
        return turn.t("card.month_year", month=int(month), year=year,
                      name=turn.t(f"month.{int(month)}"))  # fmt: skip
    if "end" in as_of:
        return turn.t("figure.year_end", year=year)
    return turn.t("figure.about_year", year=year) if "~" in as_of else year


def _first(figures: list[FigureDTO], has: object) -> FigureDTO | None:
    return next((f for f in figures if has(f)), None)  # type: ignore[operator]


def figure_lines(turn: Turn, figures: list[FigureDTO], stars: int | None) -> list[FigureDTO]:
    """Picks the newest figures that answer the question (stars, or totals)."""
    if stars is not None:
        keys = STAR_KEYS[stars]
        found = _first(figures, lambda f: any(f.stars.get(k) is not None for k in keys))
        return [found] if found else []
    rated = _first(figures, lambda f: f.products_3_to_5_star is not None)
    total = _first(figures, lambda f: f.products_total is not None)
    return [f for f in (rated, total) if f is not None]


def say_figure(turn: Turn, figure: FigureDTO, stars: int | None) -> str:
    when = as_of_label(turn, figure.as_of)
    source = source_label(figure.source)
    if stars is not None:
        parts = [
            turn.t(f"figure.star.{key}", count=figure.stars[key])
            for key in STAR_KEYS[stars]
            if figure.stars.get(key) is not None
        ]
        return turn.t("figure.stars", source=source, when=when, counts=", ".join(parts))
    lines = []
    if figure.products_3_to_5_star is not None:
        lines.append(turn.t("figure.rated", count=figure.products_3_to_5_star))
    if figure.products_total is not None:
        lines.append(turn.t("figure.total", count=figure.products_total))
    return turn.t("figure.line", source=source, when=when, counts=", ".join(lines))


async def answer_figures(turn: Turn) -> Outcome:
    """Says how many OCOP products (or how many of N stars) the province or a district has."""
    text = turn.parse.text if turn.parse else ""
    found = STAR_WORDS.search(text.lower())
    stars = int(found.group(1)) if found else None
    if stars is None:
        stars = next((int(v) for v in turn.parse.values("stars")), None) if turn.parse else None
    where = await mentioned_place(turn)
    service = catalog(turn)
    district = await service.get_district(where.district_id) if where.district_id else None
    figures = await service.figures(district.id) if district else []
    place = district_label(turn, district) if district and figures else turn.t("tourism.province")
    if not figures:  # no figure for the district: the province's, said as such
        figures = await service.figures("province")
    chosen = figure_lines(turn, figures, stars if stars in STAR_KEYS else None)
    scope = district.id if district and figures else None
    ours = (await service.search_products(stars=stars, district=scope, limit=1)).total
    buttons = [turn.button("button.all_products", "p:gift"), menu_button(turn)]
    if not chosen:
        text = turn.t("figure.none", place=place, ours=ours)
        return Outcome([Reply(text, tuple(buttons))])
    lines = [turn.t("figure.title", place=place)]
    lines += [say_figure(turn, f, stars if stars in STAR_KEYS else None) for f in chosen]
    lines.append(turn.t("figure.ours_stars" if stars else "figure.ours", count=ours, stars=stars))
    for figure in chosen:
        buttons.extend(source_button(turn, (figure.source,)))
    return Outcome([Reply("\n".join(lines), tuple(buttons))])


def setup(router: Router) -> None:
    """Registers the figures question (set by `reroute` from the words of the message)."""
    router.on_intent("catalog_figures", answer_figures)
