"""Serves the chat page and its static files, plus the health check."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "web_static"
STATIC_FILES = {
    "api.js": "text/javascript",
    "app.js": "text/javascript",
    "i18n.js": "text/javascript",
    "render.js": "text/javascript",
    "style.css": "text/css",
}

#: Everything comes from this server; images in replies may be catalog photos elsewhere.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' https: data:; script-src 'self'; "
        "style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _file(path: Path, content_type: str) -> web.FileResponse:
    response = web.FileResponse(path, headers=PAGE_HEADERS)
    response.content_type = content_type
    return response


async def index(request: web.Request) -> web.StreamResponse:
    """The chat page."""
    return _file(STATIC_DIR / "index.html", "text/html")


async def static_file(request: web.Request) -> web.StreamResponse:
    """One of the page's own files (a fixed list: nothing else on disk is reachable)."""
    name = request.match_info["name"]
    content_type = STATIC_FILES.get(name)
    if content_type is None:
        raise web.HTTPNotFound()
    return _file(STATIC_DIR / name, content_type)


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process serves HTTP."""
    return web.json_response({"status": "ok"})


def has_route(app: web.Application, path: str) -> bool:
    """Whether some resource already answers ``path`` (another component's health check)."""
    return any(resource.canonical == path for resource in app.router.resources())
