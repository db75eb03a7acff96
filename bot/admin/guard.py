"""The console's gate: a session for every page, a CSRF token on every form and action."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.admin.context import LANG, OPERATOR, AdminContext
from bot.admin.edge import unsafe_input
from bot.admin.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    LANG_COOKIE,
    PRE_COOKIE,
    SESSION_COOKIE,
    same,
    token_hash,
)
from catalog.console import ConsoleSessions

logger = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Middleware = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]
#: Routes reachable without a session (the sign-in form and the page's own CSS/JS).
PUBLIC = {"login", "login_post", "lang", "static"}
#: Routes that read their CSRF token from the multipart body themselves (file uploads).
MULTIPART = {"catalog_upload"}
LANGUAGES = ("vi", "en")
FORM_BYTES = 64 * 1024


def make_guard(
    ctx: AdminContext,
) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """Builds the middleware of the /admin application."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        # The shared app's body limit is sized for chat JSON; a reply in Vietnamese, sent
        # url-encoded, is up to nine bytes a letter. Uploads stream with their own limit.
        request = request.clone(client_max_size=FORM_BYTES)
        bad = await unsafe_input(request)
        if bad is not None:
            logger.warning("console: %s %s refused: %s", request.method, request.path[:80], bad)
            return _refuse(ctx, request, 400, "input")
        lang = request.cookies.get(LANG_COOKIE, "vi")
        request[LANG] = lang if lang in LANGUAGES else "vi"
        route = request.match_info.route.name or ""
        if route in PUBLIC:
            if request.method == "POST" and not await _pre_csrf_ok(request):
                return _refuse(ctx, request, 403, "csrf")
            return await handler(request)
        token = request.cookies.get(SESSION_COOKIE)
        found = None
        if token:
            async with ctx.sessions() as session:
                found = await ConsoleSessions(session).find(token_hash(token), ctx.clock())
        if found is None:
            if request.method == "GET" and not request.headers.get("X-Requested-With"):
                raise web.HTTPFound("/admin/login")
            return _refuse(ctx, request, 401, "session")
        request[OPERATOR] = found
        if request.method != "GET" and route not in MULTIPART:
            sent = request.headers.get(CSRF_HEADER)
            if sent is None:
                sent = str((await request.post()).get(CSRF_FIELD, ""))
            if not same(sent, found.csrf):
                logger.warning("console: %s %s refused: bad CSRF token", request.method, route)
                return _refuse(ctx, request, 403, "csrf")
        response = await handler(request)
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    return guard


async def _pre_csrf_ok(request: web.Request) -> bool:
    form = await request.post()
    return same(str(form.get(CSRF_FIELD, "")), request.cookies.get(PRE_COOKIE))


def _refuse(ctx: AdminContext, request: web.Request, status: int, why: str) -> web.Response:
    return web.Response(status=status, text=ctx.t(request, f"admin.refused.{why}"))
