"""The inbox: hand-offs and unanswered orders; read a conversation, reply, end the hand-off."""

from __future__ import annotations

import uuid

from aiohttp import web

from bot.admin.context import AdminContext, back, operator, render
from catalog.console import Inbox
from catalog.orders import OrderService, OutboxRepository

REPLY_CHARS = 2000


ITEM = "{item:[0-9]{1,9}}"  # an id that fits a SQL integer; longer is a 404


class InboxViews:
    """Pages and actions of the inbox."""

    def __init__(self, ctx: AdminContext) -> None:
        self._ctx = ctx

    def add(self, router: web.UrlDispatcher) -> None:
        router.add_get("/inbox", self.page, name="inbox")
        router.add_get("/inbox/feed", self.feed, name="inbox_feed")
        router.add_get("/inbox/" + ITEM, self.item, name="inbox_item")
        router.add_get("/inbox/" + ITEM + "/messages", self.messages, name="inbox_messages")
        router.add_post("/inbox/" + ITEM + "/reply", self.reply, name="inbox_reply")
        router.add_post("/inbox/" + ITEM + "/end", self.end, name="inbox_end")

    async def _entries(self) -> list[dict[str, object]]:
        async with self._ctx.sessions() as session:
            items = await Inbox(session).items()
            service = OrderService(session)
            entries = []
            for item in items:
                order = await service.get(item.order_id) if item.order_id else None
                entries.append({"item": item, "order": order})
        return entries

    async def page(self, request: web.Request) -> web.Response:
        """The inbox, newest activity first; the list refreshes itself."""
        return render(request, "inbox.html", entries=await self._entries())

    async def feed(self, request: web.Request) -> web.Response:
        """The inbox list alone, for the page's polling."""
        return render(request, "inbox_list.html", entries=await self._entries())

    async def _item(self, request: web.Request) -> tuple[object, list[object]]:
        item_id = int(request.match_info["item"])
        async with self._ctx.sessions() as session:
            inbox = Inbox(session)
            item = await inbox.get(item_id)
            if item is None:
                raise web.HTTPNotFound(text=self._ctx.t(request, "admin.not_found"))
            return item, await inbox.transcript(item.address)

    async def item(self, request: web.Request) -> web.Response:
        """One conversation: what was said so far, a reply box, end the hand-off."""
        item, lines = await self._item(request)
        return render(request, "inbox_item.html", item=item, lines=lines)

    async def messages(self, request: web.Request) -> web.Response:
        """The transcript alone, for the page's polling."""
        item, lines = await self._item(request)
        return render(request, "transcript.html", item=item, lines=lines)

    async def reply(self, request: web.Request) -> web.StreamResponse:
        """Sends the reply through the customer's own channel; the person now holds the chat."""
        text = str((await request.post()).get("text", "")).strip()[:REPLY_CHARS]
        item_id = int(request.match_info["item"])
        if not text:
            raise back(request, f"/inbox/{item_id}")
        now = self._ctx.clock()
        who = operator(request).account.email
        async with self._ctx.sessions() as session, session.begin():
            inbox = Inbox(session)
            item = await inbox.get(item_id)
            if item is None or not item.is_open:
                raise back(request, f"/inbox/{item_id}", "closed")
            payload = {
                "lang": item.language,
                "key": "admin.notice.staff_reply",
                "params": {"text": text},
            }
            await OutboxRepository(session).enqueue(
                item.address,
                "staff.reply",
                payload,
                f"staff:{uuid.uuid4().hex}",
                now,
                order_id=item.order_id,
            )
            await inbox.append(item.address, "staff", text, now)
            await inbox.hold(item_id, who, now)
            await self._ctx.audit(session, request, "inbox.reply", item.address, text[:200])
        raise back(request, f"/inbox/{item_id}", "sent")

    async def end(self, request: web.Request) -> web.StreamResponse:
        """Ends the hand-off: the bot answers the conversation again."""
        item_id = int(request.match_info["item"])
        now = self._ctx.clock()
        async with self._ctx.sessions() as session, session.begin():
            inbox = Inbox(session)
            item = await inbox.get(item_id)
            if item is None:
                raise web.HTTPNotFound(text=self._ctx.t(request, "admin.not_found"))
            if await inbox.close(item_id, operator(request).account.email, now):
                if item.kind == "handoff" and item.held_by:
                    await OutboxRepository(session).enqueue(
                        item.address,
                        "staff.end",
                        {"lang": item.language, "key": "admin.notice.handoff_ended", "params": {}},
                        f"staff-end:{item_id}",
                        now,
                    )
                await self._ctx.audit(session, request, "inbox.end", item.address)
        raise back(request, "/inbox", "ended")
