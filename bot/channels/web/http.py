"""HTTP plumbing for the chat API: JSON errors, CORS, bearer tokens, bounded bodies."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from aiohttp import web

from bot.channels import safe_json
from bot.channels.web.codec import BadRequest

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The API is meant to be embedded by other sites. It authenticates with a bearer token,
#: never a cookie, so allowing any origin does not let a page act as someone else.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type",
    "Access-Control-Expose-Headers": "Retry-After",
    "Access-Control-Max-Age": "600",
}


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON response (UTF-8, not ASCII-escaped) with the CORS headers."""
    body = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    response = web.Response(
        body=body, status=status, content_type="application/json", charset="utf-8"
    )
    response.headers.update(CORS_HEADERS)
    response.headers["Cache-Control"] = "no-store"
    if headers:
        response.headers.update(headers)
    return response


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> web.Response:
    """An error as ``{"error": message, "code": code, ...}``."""
    return json_response({"error": message, "code": code, **extra}, status, headers)


async def preflight(request: web.Request) -> web.Response:
    """Answers a CORS preflight for the chat API."""
    response = web.Response(status=204)
    response.headers.update(CORS_HEADERS)
    return response


def bearer_token(request: web.Request) -> str | None:
    """The token from ``Authorization: Bearer ...``, or None if the header is missing."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    # Issued tokens are URL-safe ASCII; anything else (0xff bytes, say) is simply unknown.
    if scheme.lower() != "bearer" or not token or not token.isascii() or len(token) > 256:
        return None
    return token


class BodyTooLarge(Exception):
    """The request body is over the configured limit."""


async def read_json(request: web.Request, max_bytes: int) -> Any:
    """Reads and decodes a JSON body of at most ``max_bytes``.

    Raises:
        BodyTooLarge: if the declared or actual size is over the limit.
        BadRequest: if the body is not UTF-8 JSON.
    """
    if request.content_length is not None and request.content_length > max_bytes:
        raise BodyTooLarge
    # Chunked bodies declare no length: read at most one byte past the limit, then stop.
    raw = bytearray()
    while chunk := await request.content.read(max_bytes + 1 - len(raw)):
        raw += chunk
        if len(raw) > max_bytes:
            raise BodyTooLarge
    try:
        return safe_json.loads(bytes(raw))
    except safe_json.UnsafeJson as exc:
        raise BadRequest("bad_json", f"the body is not JSON we accept: {exc.reason}") from None


def json_errors(handler: Handler) -> Handler:
    """Answers an unexpected failure (a database outage) with JSON, not a plain-text 500."""

    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except Exception:
            logger.exception("web chat: %s %s failed", request.method, request.path)
            return error_response(500, "internal", "something went wrong; please try again")

    return guarded
