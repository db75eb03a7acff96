"""AdminConsole: the operator console mounted at /admin on the bot's aiohttp application."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.admin.auth_views import AuthViews
from bot.admin.catalog_views import CatalogViews
from bot.admin.context import LANG, OPERATOR, AdminContext
from bot.admin.guard import make_guard
from bot.admin.inbox_views import InboxViews
from bot.admin.insight_views import InsightViews
from bot.admin.order_views import OrderViews
from bot.admin.producer_views import ProducerViews
from bot.admin.security import CSRF_FIELD
from catalog.orders.notices import money

HERE = Path(__file__).parent


def actor_label(actor: str) -> str:
    """Who changed an order, for people: the e-mail or producer id, never a chat id."""
    role, _, who = actor.partition(":")
    return "" if role == "customer" else who or role


class AdminConsole:
    """Server-rendered pages for the OCOP centre's staff.

    Usage in the composition root::

        AdminConsole(AdminContext(sessions, i18n, policy, settings.admin)).setup(app)
    """

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def setup(self, app: web.Application) -> web.Application:
        """Mounts the console at /admin (its own middleware guards every route).

        Returns:
            The console's own application (its router lists every console route).
        """
        admin = web.Application(middlewares=[make_guard(self._ctx)])
        env = aiohttp_jinja2.setup(
            admin,
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=jinja2.select_autoescape(default=True),
            context_processors=[self._common],
        )
        env.filters["money"] = money
        env.filters["actor"] = actor_label
        env.filters["when"] = lambda at: at.strftime("%Y-%m-%d %H:%M") if at else "—"
        router = admin.router
        router.add_get("/", self.home, name="home")
        for views in (
            AuthViews,
            InboxViews,
            OrderViews,
            ProducerViews,
            CatalogViews,
            InsightViews,
        ):
            views(self._ctx).add(router)
        router.add_static("/static", HERE / "static", name="static")
        app.add_subapp("/admin", admin)
        return admin

    async def home(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound("/admin/inbox")

    async def _common(self, request: web.Request) -> dict[str, Any]:
        lang = request.get(LANG, "vi")
        found = request.get(OPERATOR)

        def t(key: str, **params: Any) -> str:
            return self._ctx.i18n.t(lang, key, **params)

        return {
            "t": t,
            "lang": lang,
            "me": found.account if found else None,
            "csrf_field": CSRF_FIELD,
            "csrf_token": found.csrf if found else "",
            "path": request.path,
            "done": request.query.get("done"),
            "request_query": request.query_string,
        }
