"""Cookies, session tokens and CSRF checks of the console.

The session cookie holds a random token; the database keeps only its SHA-256. Every
state-changing request carries the session's CSRF token (a form field or the
X-CSRF-Token header); the sign-in form, before any session exists, carries the token of a
short-lived pre-session cookie instead (double submit). Cookies are HttpOnly and
SameSite=Strict, and Secure when the console is reached over https.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from aiohttp import web

SESSION_COOKIE = "ocop_admin"
PRE_COOKIE = "ocop_admin_pre"
LANG_COOKIE = "ocop_admin_lang"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"


def new_token() -> str:
    """A random URL-safe token (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8", "ignore")).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time equality of two tokens; False when either is missing."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def is_https(request: web.Request) -> bool:
    """True when the browser reached us over https (directly or through a proxy)."""
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https"


def set_cookie(
    response: web.StreamResponse, request: web.Request, name: str, value: str, max_age: int
) -> None:
    """Sets an HttpOnly, SameSite=Strict cookie for /admin (Secure over https)."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/admin",
        httponly=True,
        samesite="Strict",
        secure=is_https(request),
    )


def client_address(request: web.Request) -> str:
    """The address sign-in attempts are counted against."""
    return request.remote or "unknown"
