"""The order board, one order's detail, and what staff do to orders."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta

from aiohttp import web

from bot.admin.context import AdminContext, back, operator, render
from catalog.console import ConsoleOrders, Inbox
from catalog.console.board import board
from catalog.io.cells import escape_cell
from catalog.orders import OrderDTO, OrderService, OutboxRepository
from catalog.orders.states import STATUSES

CHANNELS = ("web", "telegram", "zalo_bot", "zalo_oa")


def _day(text: str | None) -> datetime | None:
    try:
        return datetime.combine(date.fromisoformat(text or ""), time(), tzinfo=UTC)
    except ValueError:
        return None


ORDER = "{order:[0-9]{1,9}}"  # an id that fits a SQL integer; longer is a 404


class OrderViews:
    """Pages and actions of orders."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/orders", self.page, name="orders")
        router.add_get("/orders.csv", self.export, name="orders_csv")
        router.add_get("/orders/" + ORDER, self.detail, name="order")
        router.add_post("/orders/" + ORDER + "/callback", self.callback, name="order_callback")
        router.add_post("/orders/" + ORDER + "/reassign", self.reassign, name="order_reassign")
        router.add_post("/orders/" + ORDER + "/cancel", self.cancel, name="order_cancel")

    async def _find(self, request: web.Request) -> tuple[list[OrderDTO], dict[str, str]]:
        q = request.query
        filters = {k: q.get(k, "") for k in ("status", "producer", "channel", "from", "to")}
        until = _day(filters["to"])
        async with self._ctx.sessions() as session:
            orders = await board(
                session,
                status=filters["status"] if filters["status"] in STATUSES else None,
                producer_id=filters["producer"] or None,
                channel=filters["channel"] if filters["channel"] in CHANNELS else None,
                since=_day(filters["from"]),
                until=until + timedelta(days=1) if until else None,
            )
        return orders, filters

    async def page(self, request: web.Request) -> web.Response:
        """The board, filtered by status, producer, channel and date."""
        orders, filters = await self._find(request)
        async with self._ctx.sessions() as session:
            producers = await OrderService(session).producers()
        return render(
            request,
            "orders.html",
            orders=orders,
            filters=filters,
            statuses=STATUSES,
            channels=CHANNELS,
            producers=producers,
        )

    async def export(self, request: web.Request) -> web.Response:
        """The filtered board as CSV (UTF-8 with BOM, so Excel reads the diacritics)."""
        orders, _ = await self._find(request)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "number",
                "created_at",
                "status",
                "producer",
                "channel",
                "customer",
                "phone",
                "items",
                "total_vnd",
            ]
        )
        for o in orders:
            items = " | ".join(f"{i.quantity} x {i.name}" for i in o.items)
            writer.writerow(
                escape_row(
                    o.number,
                    o.created_at.isoformat(),
                    o.status,
                    o.producer_id or "",
                    o.customer_address.split(":")[0],
                    o.customer_name,
                    o.phone,
                    items,
                    o.total_vnd if o.total_vnd is not None else "",
                )
            )
        async with self._ctx.sessions() as session, session.begin():
            await self._ctx.audit(session, request, "orders.export", request.query_string)
        return web.Response(
            body=("\ufeff" + out.getvalue()).encode("utf-8"),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": 'attachment; filename="orders.csv"'},
        )

    async def detail(self, request: web.Request) -> web.Response:
        """Items, contact, history, messages and the actions of one order."""
        order_id = int(request.match_info["order"])
        async with self._ctx.sessions() as session:
            service = OrderService(session)
            order = await service.get(order_id)
            if order is None:
                raise web.HTTPNotFound(text=self._ctx.t(request, "admin.not_found"))
            messages = await OutboxRepository(session).for_order(order_id)
            inbox = await Inbox(session).for_order(order_id)
            producers = await service.producers()
        return render(
            request,
            "order.html",
            order=order,
            messages=messages,
            inbox=inbox,
            producers=producers,
            refused=request.query.get("refused"),
        )

    async def _act(self, request: web.Request, action: str) -> web.StreamResponse:
        order_id = int(request.match_info["order"])
        form = await request.post()
        who = f"operator:{operator(request).account.email}"
        now = self._ctx.clock()
        async with self._ctx.sessions() as session, session.begin():
            orders = ConsoleOrders(session, self._ctx.policy)
            if action == "callback":
                result = await orders.callback_done(order_id, who, now)
                detail = None
            elif action == "reassign":
                detail = str(form.get("producer", ""))
                result = await orders.reassign(order_id, detail, who, now)
            else:
                detail = str(form.get("reason", ""))
                result = await orders.cancel(order_id, detail, who, now)
            if isinstance(result, str):
                raise web.HTTPFound(f"/admin/orders/{order_id}?refused={result}")
            await self._ctx.audit(session, request, f"order.{action}", result.number, detail)
        raise back(request, f"/orders/{order_id}", action)

    async def callback(self, request: web.Request) -> web.StreamResponse:
        """Staff called the customer back: the order leaves the inbox."""
        return await self._act(request, "callback")

    async def reassign(self, request: web.Request) -> web.StreamResponse:
        """Gives the order to another producer."""
        return await self._act(request, "reassign")

    async def cancel(self, request: web.Request) -> web.StreamResponse:
        """Cancels the order with a reason the customer is told."""
        return await self._act(request, "cancel")


def escape_row(*cells: object) -> list[object]:
    """A CSV row whose text cells cannot run as formulas in Excel (names, items, addresses)."""
    return [escape_cell(cell) for cell in cells]
