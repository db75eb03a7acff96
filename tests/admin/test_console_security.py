"""The console's gate: sessions, CSRF, disabled accounts, the sign-in rate limit, clean logs."""

from __future__ import annotations

import logging
import re

import pytest

from bot.admin.cli import operators_disable
from bot.admin.guard import PUBLIC
from bot.admin.security import SESSION_COOKIE
from catalog.console import AuditLog
from tests.admin.conftest import Console
from tests.admin.console_support import PASSWORD

EMAIL = "hoa.tran@ocop-quangninh.vn"
SAMPLES = {"item": "1", "order": "1", "producer": "quy-hoa"}


def console_routes(console: Console) -> list[tuple[str, str, str]]:
    """(method, path, name) of every console route, with sample values in the path."""
    found = []
    for route in console.admin.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or info.get("prefix", "")
        path = re.sub(r"\{(\w+)(:[^}]*)?\}", lambda m: SAMPLES[m.group(1)], path)
        if route.method in ("GET", "POST") and route.name not in PUBLIC:
            found.append((route.method, "/admin" + path, route.name or ""))
    return found


async def test_every_route_refuses_a_request_without_a_session(console: Console) -> None:
    routes = console_routes(console)
    assert len(routes) >= 20  # every page and action, not a handful
    for method, path, name in routes:
        response = await console.client.request(method, path, allow_redirects=False)
        if method == "GET":
            assert (response.status, response.headers.get("Location")) == (302, "/admin/login"), (
                name
            )
        else:
            assert response.status == 401, name
    fetched = await console.client.get("/admin/inbox/feed", headers={"X-Requested-With": "fetch"})
    assert fetched.status == 401


async def test_every_form_post_without_a_valid_csrf_token_is_refused(console: Console) -> None:
    await console.add(EMAIL)
    assert (await console.sign_in(EMAIL)).status == 302
    posts = [(p, n) for m, p, n in console_routes(console) if m == "POST"]
    assert len(posts) >= 9
    for path, name in posts:
        for form in ({}, {"csrf": "forged-token"}):
            response = await console.client.post(path, data=form, allow_redirects=False)
            assert response.status == 403, (name, form)
            assert "hết hạn" in await response.text()
    # The sign-in form needs the token of its own page too.
    login = {"email": EMAIL, "password": PASSWORD, "csrf": "guessed"}
    assert (await console.client.post("/admin/login", data=login)).status == 403
    # With the page's token the same kind of post goes through.
    token = await console.csrf_of("/admin/producers")
    invited = await console.client.post("/admin/producers/quy-hoa/invite", data={"csrf": token})
    assert invited.status == 200 and "Mã mời cho quy-hoa" in await invited.text()


async def test_a_disabled_account_cannot_sign_in_and_its_session_ends(console: Console) -> None:
    await console.add(EMAIL, role="staff")
    assert (await console.sign_in(EMAIL)).status == 302
    assert (await console.client.get("/admin/orders")).status == 200

    await operators_disable(console.sessions, EMAIL)

    after = await console.client.get("/admin/orders", allow_redirects=False)
    assert after.headers.get("Location") == "/admin/login"
    refused = await console.sign_in(EMAIL)
    assert refused.status == 401
    assert "tài khoản đã bị khoá" in await refused.text()
    assert SESSION_COOKIE not in refused.cookies


async def test_the_sixth_wrong_password_in_a_minute_is_refused(console: Console) -> None:
    await console.add(EMAIL)
    await console.add("minh.le@ocop-quangninh.vn")
    for _ in range(5):
        wrong = await console.sign_in(EMAIL, "matkhau123456")
        assert "không đúng" in await wrong.text()
    sixth = await console.sign_in(EMAIL, PASSWORD)  # even the right one, for a minute
    assert sixth.status == 401
    assert "Sai quá nhiều lần" in await sixth.text()
    assert SESSION_COOKIE not in sixth.cookies
    async with console.sessions() as session:
        actions = [e.action for e in await AuditLog(session).recent() if e.actor == EMAIL]
    assert actions.count("login.refused") == 5 and actions.count("login.throttled") == 1
    # A colleague at the same office is not locked out by it.
    assert (await console.sign_in("minh.le@ocop-quangninh.vn")).status == 302


async def test_cookies_are_http_only_strict_and_no_secret_reaches_the_logs(
    console: Console, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await console.add(EMAIL)
    await console.sign_in(EMAIL, "sai-mat-khau-roi")
    signed = await console.sign_in(EMAIL)
    cookie = signed.cookies[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/admin"
    assert not cookie["secure"]
    await console.client.get("/admin/inbox")
    await console.client.post(
        "/admin/logout", data={"csrf": await console.csrf_of("/admin/inbox")}
    )

    logged = caplog.text
    assert "signed in" in logged  # the log is there, and clean
    for secret in (PASSWORD, "sai-mat-khau-roi", cookie.value):
        assert secret not in logged


async def test_over_https_the_session_cookie_is_secure(console: Console) -> None:
    await console.add(EMAIL)
    pre = await console.csrf_of("/admin/login")
    signed = await console.client.post(
        "/admin/login",
        data={"csrf": pre, "email": EMAIL, "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https"},
        allow_redirects=False,
    )
    assert signed.cookies[SESSION_COOKIE]["secure"]
