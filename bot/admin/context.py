"""What every console page uses: the database, the sentences, the clock, the signed-in person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import AdminSettings
from bot.core.i18n import I18n
from catalog.console import AuditLog, SessionDTO
from catalog.orders import Clock, OrderPolicy, utc_now

Sessions = async_sessionmaker[AsyncSession]
LANG = web.RequestKey("lang", str)
OPERATOR = web.RequestKey("operator", SessionDTO)


@dataclass
class AdminContext:
    """The console's dependencies, handed in by the composition root."""

    sessions: Sessions
    i18n: I18n
    policy: OrderPolicy
    settings: AdminSettings
    bot_username: Callable[[], str | None] = lambda: None
    clock: Clock = utc_now

    def t(self, request: web.Request, key: str, /, **params: Any) -> str:
        """The sentence `key` in the signed-in person's console language."""
        return self.i18n.t(request.get(LANG, "vi"), key, **params)

    async def audit(
        self,
        session: AsyncSession,
        request: web.Request,
        action: str,
        target: str,
        detail: str | None = None,
    ) -> None:
        """Writes who did what, in the action's own transaction."""
        await AuditLog(session).write(
            operator(request).account.email, action, target, self.clock(), detail
        )


def operator(request: web.Request) -> SessionDTO:
    """The signed-in session (the guard let the request through, so there is one)."""
    return request[OPERATOR]


def render(request: web.Request, template: str, status: int = 200, **ctx: Any) -> web.Response:
    """Renders a page template with the common context (sentences, CSRF token, who)."""
    response = aiohttp_jinja2.render_template(template, request, ctx, status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


def back(request: web.Request, path: str, flash: str | None = None) -> web.HTTPFound:
    """Redirects after a form post (POST/redirect/GET), with an optional message key."""
    location = f"/admin{path}"
    if flash:
        location += ("&" if "?" in location else "?") + f"done={flash}"
    return web.HTTPFound(location)


def require_admin(ctx: AdminContext, request: web.Request) -> None:
    """Refuses a staff account what only admins may do (catalog changes, the audit log)."""
    if operator(request).account.role != "admin":
        raise web.HTTPForbidden(text=ctx.t(request, "admin.refused.role"))
