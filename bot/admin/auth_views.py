"""Signing in and out, and the console's language."""

from __future__ import annotations

import logging
from datetime import timedelta

from aiohttp import web

from bot.admin.context import AdminContext, render
from bot.admin.guard import LANGUAGES
from bot.admin.passwords import verify_password
from bot.admin.security import (
    LANG_COOKIE,
    PRE_COOKIE,
    SESSION_COOKIE,
    client_address,
    new_token,
    set_cookie,
    token_hash,
)
from catalog.console import AuditLog, ConsoleSessions, LoginFailures, OperatorAccounts

logger = logging.getLogger(__name__)
WINDOW = timedelta(minutes=1)
PER_ACCOUNT = 5  # wrong passwords per account and address in a minute; the next is refused
PER_ADDRESS = 20  # wrong passwords from one address in a minute, whatever the account
PRE_AGE = 3600


class AuthViews:
    """The sign-in form, sign-out and the language switch."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/login", self.login_form, name="login")
        router.add_post("/login", self.login, name="login_post")
        router.add_post("/logout", self.logout, name="logout")
        router.add_get("/lang", self.switch_language, name="lang")

    async def login_form(self, request: web.Request, error: str | None = None) -> web.Response:
        """Shows the sign-in form with a fresh pre-session CSRF token."""
        pre = request.cookies.get(PRE_COOKIE) or new_token()
        response = render(
            request, "login.html", status=401 if error else 200, csrf=pre, error=error, email=None
        )
        set_cookie(response, request, PRE_COOKIE, pre, PRE_AGE)
        return response

    async def login(self, request: web.Request) -> web.StreamResponse:
        """Checks the password (rate-limited per account and address) and starts a session."""
        form = await request.post()
        email = str(form.get("email", "")).strip()[:200]
        password = str(form.get("password", ""))
        address = client_address(request)
        now = self._ctx.clock()
        async with self._ctx.sessions() as session, session.begin():
            failures = LoginFailures(session)
            pair, from_address = await failures.count(email, address, now - WINDOW)
            if pair >= PER_ACCOUNT or from_address >= PER_ADDRESS:
                logger.warning("console: sign-in of %s refused: too many attempts", email)
                await AuditLog(session).write(email or "-", "login.throttled", address, now)
                return await self.login_form(request, "admin.login.too_many")
            account = await OperatorAccounts(session).by_email(email)
            good = verify_password(account.password_hash if account else None, password)
            if not good or account is None or not account.active:
                await failures.record(email, address, now)
                await AuditLog(session).write(email or "-", "login.refused", address, now)
                logger.info("console: sign-in of %s refused", email or "(empty)")
                return await self.login_form(request, "admin.login.failed")
            token, csrf = new_token(), new_token()
            ttl = self._ctx.settings.session_ttl
            await ConsoleSessions(session).forget_expired(now)
            await ConsoleSessions(session).create(
                token_hash(token), account.id, csrf, now, now + ttl
            )
            await OperatorAccounts(session).signed_in(account.id, now)
            await AuditLog(session).write(account.email, "login", account.email, now)
        logger.info("console: %s signed in", account.email)
        response = web.HTTPFound("/admin/inbox")
        set_cookie(response, request, SESSION_COOKIE, token, int(ttl.total_seconds()))
        response.del_cookie(PRE_COOKIE, path="/admin")
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        """Ends the session."""
        token = request.cookies.get(SESSION_COOKIE, "")
        async with self._ctx.sessions() as session, session.begin():
            await self._ctx.audit(session, request, "logout", "")
            await ConsoleSessions(session).end(token_hash(token))
        response = web.HTTPFound("/admin/login")
        response.del_cookie(SESSION_COOKIE, path="/admin")
        raise response

    async def switch_language(self, request: web.Request) -> web.StreamResponse:
        """Switches the console between Vietnamese and English (a display preference only)."""
        lang = request.query.get("to", "vi")
        referer = request.headers.get("Referer", "")
        target = referer[referer.find("/admin") :] if "/admin" in referer else "/admin/inbox"
        response = web.HTTPFound(target if target.startswith("/admin") else "/admin/inbox")
        set_cookie(response, request, LANG_COOKIE, lang if lang in LANGUAGES else "vi", 31536000)
        raise response
