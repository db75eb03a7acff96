"""Insights as charts, computed from what is stored; and the audit log (admins)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.admin.context import AdminContext, render, require_admin
from catalog.console import Analytics, AuditLog, OrderInsights
from catalog.services import CatalogService

PERIOD = timedelta(days=30)


class InsightViews:
    """The charts page and the audit log."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/insights", self.page, name="insights")
        router.add_get("/audit", self.audit, name="audit")

    async def page(self, request: web.Request) -> web.Response:
        """Messages, users, intents, products, places, orders and response times."""
        since = self._ctx.clock() - PERIOD
        async with self._ctx.sessions() as session:
            analytics = Analytics(session)
            days = await analytics.per_day(since)
            intents = await analytics.top_intents(since)
            products, places = await analytics.top_asked(since)
            missed = await analytics.not_understood()
            orders = await OrderInsights(session).figures(since)
            names = await _names(CatalogService(session), products, places)
        t = self._ctx.t
        charts: dict[str, Any] = {
            "messages": _by_channel(days, "messages"),
            "users": _by_channel(days, "users"),
            "intents": _bars(
                [
                    (k if k != "-" else t(request, "admin.insights.no_intent"), n)
                    for k, n in intents
                ]
            ),
            "products": _bars([(names.get(p, p), n) for p, n in products]),
            "places": _bars([(names.get(p, p), n) for p, n in places]),
            "orders_day": _bars(orders.per_day),
            "orders_producer": _bars(orders.per_producer),
            "funnel": _bars([(t(request, f"admin.status.{s}"), n) for s, n in orders.funnel]),
            "response": _bars(list(orders.response_minutes.items())),
        }
        return render(request, "insights.html", charts=charts, missed=missed)

    async def audit(self, request: web.Request) -> web.Response:
        """Who did what and when, newest first."""
        require_admin(self._ctx, request)
        async with self._ctx.sessions() as session:
            entries = await AuditLog(session).recent()
        return render(request, "audit.html", entries=entries)


def _bars(pairs: list[tuple[str, int]] | list[tuple[str, float]]) -> dict[str, Any]:
    return {"labels": [str(k) for k, _ in pairs], "series": {"": [v for _, v in pairs]}}


def _by_channel(days: list[Any], field: str) -> dict[str, Any]:
    labels = sorted({d.day for d in days})
    series: dict[str, list[int]] = {}
    for d in days:
        series.setdefault(d.channel, [0] * len(labels))[labels.index(d.day)] = getattr(d, field)
    return {"labels": labels, "series": series}


async def _names(
    service: CatalogService, products: list[tuple[str, int]], places: list[tuple[str, int]]
) -> dict[str, str]:
    names = {p.id: p.name_vi for p in await service.get_products([p for p, _ in products]) if p}
    for place in await service.places():
        names[place.id] = place.name_vi
    for district in await service.list_districts():
        names[district.id] = district.name_vi
    return names
