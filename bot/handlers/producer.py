"""The producer's inbox: /link CODE, /orders, and Accept / Decline / Shipped / Delivered."""

from __future__ import annotations

from bot.core.messages import Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.orders_common import (
    action_buttons,
    address_of,
    find_order,
    order_items,
    order_service,
    refusal_reply,
)
from bot.handlers.producer_read import CANCEL_CUES, read_producer_action
from catalog.orders import OrderDTO, Refusal, RefusalReason, parse_order_payload
from catalog.orders.directory import Directory
from catalog.text import fold

REASON = "producer:reason"


async def link_inbox(turn: Turn) -> Outcome:
    """Makes this chat the producer's inbox with a one-time code (`/link CODE`)."""
    code = "".join(turn.command_args)
    if not code:
        return Outcome([turn.say("orders.link.usage")])
    result = await order_service(turn).link(code, address_of(turn), turn.lang)
    if isinstance(result, Refusal):
        return Outcome([refusal_reply(turn, result)])
    names = await Directory(turn.session).producer_names([result])
    return Outcome([turn.say("orders.link.done", producer=names.get(result, result))])


async def list_open_orders(turn: Turn) -> Outcome:
    """Lists the open orders of the producers linked to this chat (`/orders`)."""
    service = order_service(turn)
    producers = await service.producers_of(address_of(turn))
    if not producers:
        return Outcome([turn.say("orders.inbox.not_linked")])
    found: list[OrderDTO] = []
    for producer_id in producers:
        found += await service.open_orders_of_producer(producer_id)
    if not found:
        return Outcome([turn.say("orders.inbox.empty")])
    replies = [turn.say("orders.inbox.title", count=len(found))]
    for order in found:
        status = turn.t(f"orders.status.{order.status}")
        text = turn.t(
            "orders.inbox.line",
            number=order.number,
            status=status,
            items=order_items(order),
            name=order.customer_name,
            phone=order.phone,
        )
        replies.append(Reply(text, action_buttons(turn, order)))
    return Outcome(replies)


async def act_button(turn: Turn) -> Outcome:
    """Applies the pressed Accept / Shipped / Delivered button; Decline asks for a reason."""
    button = parse_order_payload(turn.msg.payload or "")
    if button is None or button.action == "cancel":
        return Outcome([turn.say("orders.refused.invalid_button")])
    return await _act(turn, button.order_id, button.action, None, button.token)


async def act_text(turn: Turn) -> Outcome:
    """Applies a typed action: "nhận đơn 12", "từ chối đơn 12 hết hàng", "accept 12"."""
    parse = turn.parse
    action = str(parse.first("order_action") if parse else "")
    order = await find_order(turn, str(parse.first("order_id") or "") if parse else None)
    if order is None:
        return Outcome([turn.say("orders.refused.not_found")])
    reason = str(parse.first("reason") or "") if parse else ""
    return await _act(turn, order.id, action, reason or None, None)


async def _act(
    turn: Turn, order_id: int, action: str, reason: str | None, token: str | None
) -> Outcome:
    result = await order_service(turn).act(order_id, action, address_of(turn), reason, token)
    if isinstance(result, Refusal):
        if result.reason is RefusalReason.REASON_REQUIRED:
            # Everything else was checked: only the reason is missing. Ask for it.
            turn.memory.order["decline"] = {"id": order_id, "token": token}
            return Outcome(
                [turn.say("orders.decline.ask", number=result.params["number"])], REASON
            )
        return Outcome([refusal_reply(turn, result)])
    done = Reply(
        turn.t(f"orders.done.{action}", number=result.number), action_buttons(turn, result)
    )
    return Outcome([done])


async def take_reason(turn: Turn) -> Outcome:
    """Declines the order waiting for a reason, with the typed text as the reason."""
    pending = turn.memory.order.pop("decline", None) or {}
    text = " ".join((turn.msg.text or "").split())
    if not pending or not text or fold(text) in CANCEL_CUES:
        return Outcome([turn.say("orders.decline.aborted")])
    return await _act(turn, int(pending["id"]), "decline", text, pending.get("token"))


def setup(router: Router) -> None:
    """Registers the producer's commands, buttons and typed actions."""
    router.before(read_producer_action)
    router.on_command("/link", link_inbox)
    router.on_command("/orders", list_open_orders)
    for route in ("o:acc", "o:dec", "o:shp", "o:dlv"):
        router.on_payload(route, act_button)
    router.on_intent("producer_act", act_text)
    router.on_intent("producer_reason", take_reason, step=REASON)
