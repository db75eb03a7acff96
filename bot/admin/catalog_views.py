"""The catalog: browse and search what CatalogService offers; upload, check, apply; export."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.admin.context import AdminContext, operator, render, require_admin
from bot.admin.security import CSRF_FIELD, same
from catalog.console import Uploads
from catalog.io.export import FORMATS, export_sections
from catalog.io.export import write as write_export
from catalog.io.importer import import_into
from catalog.services import CatalogService
from catalog.text import fold

MAX_UPLOAD = 5 * 1024 * 1024
SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
#: Fields worth a column when a DTO has them, in this order.
COLUMNS = (
    "category",
    "kind",
    "stars",
    "district_name",
    "price_vnd",
    "season",
    "date_start",
    "dates_as_stated",
    "venue",
    "producer_name",
)
Lister = Callable[[CatalogService, str], Awaitable[list[Any]]]


async def _products(service: CatalogService, q: str) -> list[Any]:
    return (await service.search_products(text=q or None, limit=100)).items


async def _named(items: list[Any], q: str) -> list[Any]:
    wanted = fold(q)
    return [i for i in items if not wanted or wanted in fold(_name(i))][:200]


async def _places(service: CatalogService, q: str) -> list[Any]:
    return await _named(await service.places(), q)


async def _events(service: CatalogService, q: str) -> list[Any]:
    # The operator browses every event: past editions too, not only the coming ones.
    return await _named(await service.events(include_past=True), q)


def sections() -> dict[str, Lister]:
    """What the catalog offers to browse: products, places and events."""
    return {"products": _products, "places": _places, "events": _events}


def _name(item: Any) -> str:
    for field in ("name_vi", "name", "title_vi", "title"):
        if getattr(item, field, None):
            return str(getattr(item, field))
    return str(getattr(item, "id", ""))


def row(item: Any) -> dict[str, Any]:
    """One DTO as a table row: id, name and the worthwhile fields it has."""
    values = dataclasses.asdict(item) if dataclasses.is_dataclass(item) else vars(item)
    extra = {k: values[k] for k in COLUMNS if values.get(k) not in (None, "", ())}
    return {"id": values.get("id", ""), "name": _name(item), "extra": extra}


class CatalogViews:
    """Pages and actions of the catalog."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/catalog", self.page, name="catalog")
        router.add_post("/catalog/upload", self.upload, name="catalog_upload")
        router.add_post("/catalog/apply", self.apply, name="catalog_apply")
        router.add_get("/catalog/export", self.export, name="catalog_export")

    async def page(self, request: web.Request, **extra: Any) -> web.Response:
        """One section of the catalog, searched by name."""
        offered = sections()
        section = request.query.get("section", "products")
        section = section if section in offered else "products"
        q = request.query.get("q", "").strip()[:100]
        async with self._ctx.sessions() as session:
            items = await offered[section](CatalogService(session), q)
        return render(
            request,
            "catalog.html",
            sections=list(offered),
            section=section,
            q=q,
            rows=[row(i) for i in items],
            formats=FORMATS,
            **extra,
        )

    async def upload(self, request: web.Request) -> web.Response:
        """Checks an uploaded file (dry run) and shows its row errors or what it would change."""
        require_admin(self._ctx, request)
        reader = await request.multipart()
        csrf, name, content = "", "", b""
        async for part in reader:
            if part.name == CSRF_FIELD:  # type: ignore[union-attr]
                csrf = (await part.read(decode=True)).decode("utf-8", "ignore")  # type: ignore[union-attr]
            elif part.name == "file":  # type: ignore[union-attr]
                name = Path(part.filename or "upload").name  # type: ignore[union-attr]
                content = await _bounded(part)
        if not same(csrf, operator(request).csrf):
            raise web.HTTPForbidden(text=self._ctx.t(request, "admin.refused.csrf"))
        if not name.lower().endswith(SUFFIXES) or not content:
            return await self.page(
                request, problems=[self._ctx.t(request, "admin.catalog.bad_file")]
            )
        result = await self._import(name, content, dry_run=True)
        token = None
        if result.ok:
            async with self._ctx.sessions() as session, session.begin():
                who = operator(request).account.email
                token = await Uploads(session).keep(who, name, content, self._ctx.clock())
        async with self._ctx.sessions() as session, session.begin():
            await self._ctx.audit(
                session,
                request,
                "catalog.check",
                name,
                "ok" if result.ok else f"{len(result.problems)} problem(s)",
            )
        return await self.page(
            request,
            filename=name,
            problems=[str(p) for p in result.problems],
            counts=result.counts,
            token=token,
        )

    async def apply(self, request: web.Request) -> web.Response:
        """Applies a checked upload, all or nothing."""
        require_admin(self._ctx, request)
        token = str((await request.post()).get("token", ""))
        who = operator(request).account.email
        async with self._ctx.sessions() as session, session.begin():
            upload = await Uploads(session).get(token, who)
            if upload is None or not await Uploads(session).mark_applied(token, self._ctx.clock()):
                raise web.HTTPNotFound(text=self._ctx.t(request, "admin.not_found"))
        result = await self._import(upload.filename, upload.content, dry_run=False)
        async with self._ctx.sessions() as session, session.begin():
            await self._ctx.audit(
                session,
                request,
                "catalog.apply",
                upload.filename,
                "; ".join(f"{s}: {c}" for s, c in result.counts.items())
                or f"{len(result.problems)} problem(s)",
            )
        return await self.page(
            request,
            filename=upload.filename,
            applied=result.ok,
            problems=[str(p) for p in result.problems],
            counts=result.counts,
        )

    async def export(self, request: web.Request) -> web.StreamResponse:
        """Downloads the whole catalog (CSV: the products table)."""
        fmt = request.query.get("format", "xlsx")
        fmt = fmt if fmt in FORMATS else "xlsx"
        async with self._ctx.sessions() as session:
            data = await export_sections(session)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"catalog.{fmt}"
            write_export(data, fmt, path)
            body = path.read_bytes()
        async with self._ctx.sessions() as session, session.begin():
            await self._ctx.audit(session, request, "catalog.export", fmt)
        return web.Response(
            body=body,
            content_type="application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="catalog.{fmt}"'},
        )

    async def _import(self, name: str, content: bytes, *, dry_run: bool) -> Any:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(content)
            return await import_into(self._ctx.sessions, path, dry_run=dry_run)


async def _bounded(part: Any) -> bytes:
    data = bytearray()
    while chunk := await part.read_chunk(65536):
        data += chunk
        if len(data) > MAX_UPLOAD:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD, actual_size=len(data))
    return bytes(data)
