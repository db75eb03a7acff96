"""Producers: link status, open orders and response time; invites (code and QR); unlinking."""

from __future__ import annotations

from datetime import timedelta

import segno
from aiohttp import web

from bot.admin.context import AdminContext, back, render
from catalog.console import OrderInsights
from catalog.console.producers import unlink_chat
from catalog.orders import OrderService, UnknownProducer

HISTORY = timedelta(days=90)


def deep_link(username: str, code: str) -> str:
    """The Telegram link that opens the bot with `/start link_<CODE>`."""
    return f"https://t.me/{username.lstrip('@')}?start=link_{code.replace('-', '')}"


class ProducerViews:
    """Pages and actions of producers."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/producers", self.page, name="producers")
        router.add_post("/producers/{producer}/invite", self.invite, name="producer_invite")
        router.add_post("/producers/{producer}/unlink", self.unlink, name="producer_unlink")

    async def page(self, request: web.Request) -> web.Response:
        """Every producer with its chats, open orders and median response time."""
        async with self._ctx.sessions() as session:
            roster = await OrderService(session).producers()
            minutes = await OrderInsights(session).response_minutes(self._ctx.clock() - HISTORY)
        return render(request, "producers.html", roster=roster, minutes=minutes)

    async def invite(self, request: web.Request) -> web.Response:
        """Makes a one-time code, shown once, with a QR code of the Telegram deep link."""
        producer_id = request.match_info["producer"]
        try:
            async with self._ctx.sessions() as session, session.begin():
                service = OrderService(session, self._ctx.clock, self._ctx.policy)
                invite = await service.create_invite(producer_id)
                await self._ctx.audit(session, request, "producer.invite", producer_id)
        except UnknownProducer:
            raise web.HTTPNotFound(text=self._ctx.t(request, "admin.not_found")) from None
        username = self._ctx.bot_username() or self._ctx.settings.telegram_username
        link = qr = None
        if username:
            link = deep_link(username, invite.code)
            qr = segno.make(link, error="m").png_data_uri(scale=6, border=2)
        return render(request, "invite.html", invite=invite, link=link, qr=qr)

    async def unlink(self, request: web.Request) -> web.StreamResponse:
        """Stops a chat from receiving the producer's orders."""
        producer_id = request.match_info["producer"]
        address = str((await request.post()).get("address", ""))
        async with self._ctx.sessions() as session, session.begin():
            if await unlink_chat(session, producer_id, address):
                await self._ctx.audit(session, request, "producer.unlink", producer_id, address)
        raise back(request, "/producers", "unlinked")
