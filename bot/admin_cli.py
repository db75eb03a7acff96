"""The operator's commands: `orders list|show`, `producers invite|list` (output as text).

The composition root parses the arguments, calls one of these with a session factory and
prints the result; an AdminError's message goes to stderr with exit status 1.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.qr import invite_deep_link, qr_png
from catalog.orders import (
    Clock,
    OrderDTO,
    OrderPolicy,
    OrderService,
    OutboxRepository,
    UnknownProducer,
    utc_now,
)
from catalog.orders.notices import money
from catalog.orders.reach import waiting_for_a_seller
from catalog.orders.states import STATUSES

Sessions = async_sessionmaker[AsyncSession]
PAGE = 50  # orders per `orders list` page
MAX_PAGE = 1000
MAX_OFFSET = 2**31 - 1  # SQL integers


class AdminError(Exception):
    """A command that cannot be carried out; the message says why."""


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "-"


def _summary(order: OrderDTO) -> dict[str, Any]:
    return {
        "id": order.id,
        "number": order.number,
        "status": order.status,
        "producer": order.producer_id,
        "operator_routed": order.operator_routed,
        "customer": order.customer_address,
        "items": [{"product": i.product_id, "quantity": i.quantity} for i in order.items],
        "total_vnd": order.total_vnd,
        "created_at": order.created_at.isoformat(),
    }


async def orders_list(
    sessions: Sessions,
    status: str | None = None,
    as_json: bool = False,
    limit: int = PAGE,
    offset: int = 0,
    operator: str | None = None,
    payment: str | None = None,
) -> str:
    """Lists orders, newest first, optionally only those in `status` / payment state, a page
    at a time.

    Orders nobody can receive (no linked producer chat, no `orders.operator`, no active
    console account) are marked.
    """
    from bot.payments_cli import PAYMENT_STATES, payment_states  # payments (issue 16)

    if status is not None and status not in STATUSES:
        raise AdminError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    if payment is not None and payment not in PAYMENT_STATES:
        raise AdminError(f"unknown payment {payment!r}; use one of: {', '.join(PAYMENT_STATES)}")
    if not 1 <= limit <= MAX_PAGE or not 0 <= offset <= MAX_OFFSET:
        raise AdminError(f"--limit must be 1 to {MAX_PAGE}, --offset 0 to {MAX_OFFSET}")
    async with sessions() as session:
        service = OrderService(session)
        if payment is None:
            orders = await service.list(status=status, limit=limit + 1, offset=offset)
            paid = await payment_states(session, orders)
        else:  # the payment state lives in its own table: filter first, then take the page
            every = await service.list(status=status, limit=MAX_OFFSET)
            paid = await payment_states(session, every)
            orders = [o for o in every if paid[o.id] == payment][offset : offset + limit + 1]
        more = len(orders) > limit
        orders = orders[:limit]
        waiting = {o.id for o in await waiting_for_a_seller(session, orders, operator)}
    if as_json:
        rows = [
            {**_summary(o), "waiting_for_seller": o.id in waiting}
            | {"payment": o.payment, "paid": paid[o.id]}
            for o in orders
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if not orders:
        return "no orders" if offset == 0 else f"no orders after the first {offset}"
    lines = [
        f"{'ID':>5}  {'NUMBER':<8} {'STATUS':<10} {'PAYMENT':<18} {'PRODUCER':<28} "
        f"{'CREATED':<20} ITEMS"
    ]
    for o in orders:
        who = o.producer_id or "(operator)"
        who += "*" if o.operator_routed and o.producer_id else ""
        who += "!" if o.id in waiting else ""
        items = sum(i.quantity for i in o.items)
        pay = f"{paid[o.id]} ({o.payment})"
        lines.append(
            f"{o.id:>5}  {o.number:<8} {o.status:<10} {pay:<18} {who:<28} "
            f"{_when(o.created_at):<20} {items}"
        )
    lines.append("* routed to the operator: the producer has no linked chat")
    shown = f"orders {offset + 1}-{offset + len(orders)}"
    if more:
        lines.append(f"{shown}; there are more: --offset {offset + limit}")
    elif offset:
        lines.append(f"{shown}; no more")
    if waiting:
        lines.append(
            f"! waiting for a seller ({len(waiting)}): nobody can receive it; "
            "set orders.operator or link the producer (`producers invite`)"
        )
    return "\n".join(lines)


async def orders_show(sessions: Sessions, ref: str) -> str:
    """Shows one order (by id or public number): items, contact, history, messages."""
    async with sessions() as session:
        service = OrderService(session)
        by_id = ref.isascii() and ref.isdigit() and int(ref) <= MAX_OFFSET
        order = await (service.get(int(ref)) if by_id else service.get_by_number(ref[:64]))
        if order is None:
            raise AdminError(f"no order {ref!r}")
        messages = await OutboxRepository(session).for_order(order.id)
        from bot.payments_cli import payment_lines  # payments (issue 16)

        paying = await payment_lines(session, order)
    where = order.address if order.delivery_kind == "delivery" else order.pickup_place_id
    lines = [
        f"Order {order.number} (id {order.id}) - {order.status}, version {order.version}",
        f"Producer:  {order.producer_id or '-'}"
        + (" (answered by the operator)" if order.operator_routed else ""),
        f"Customer:  {order.customer_name}, {order.phone}, {order.customer_address}"
        f" [{order.customer_language}]",
        f"{order.delivery_kind.capitalize()}: {where or '-'}; payment {order.payment}",
        f"Note:      {order.note or '-'}",
        "Items:",
    ]
    for item in order.items:
        price = money(item.total_vnd) or "price to confirm"
        lines.append(f"  {item.quantity} x {item.name} ({item.product_id}) {price}")
    lines.append(f"Total:     {money(order.total_vnd) or 'to confirm'}")
    lines += paying
    lines.append("History:")
    for e in order.events:
        reason = f" - {e.reason}" if e.reason else ""
        lines.append(
            f"  {_when(e.at)}  {e.from_status or '':>9} -> {e.to_status:<10} {e.actor}{reason}"
        )
    lines.append("Messages:")
    for m in messages:
        state = (
            f"delivered {_when(m.delivered_at)}"
            if m.delivered_at
            else (
                f"waiting, {m.attempts} attempt(s), next {_when(m.next_attempt_at)}"
                + (f", last error: {m.last_error}" if m.last_error else "")
            )
        )
        lines.append(f"  {m.kind:<17} to {m.recipient}: {state}")
    return "\n".join(lines)


async def producers_invite(
    sessions: Sessions,
    producer_id: str,
    as_json: bool = False,
    clock: Clock = utc_now,
    policy: OrderPolicy | None = None,
    bot_username: str | None = None,
    qr_path: Path | None = None,
) -> str:
    """Creates a one-time code that links a chat to the producer (shown only now); with the
    Telegram bot's username, also its t.me deep link, and a QR code PNG of it at `qr_path`."""
    if qr_path is not None and not bot_username:
        raise AdminError("--qr needs telegram.bot_username (OCOPBOT_TELEGRAM__BOT_USERNAME)")
    try:
        async with sessions() as session, session.begin():
            invite = await OrderService(session, clock, policy).create_invite(producer_id)
    except UnknownProducer:
        raise AdminError(f"no producer {producer_id!r} (see: producers list)") from None
    link = invite_deep_link(bot_username, invite.code) if bot_username else None
    if qr_path is not None and link is not None:
        try:
            qr_path.write_bytes(qr_png(link))
        except OSError as exc:
            raise AdminError(f"{qr_path}: cannot write ({exc.strerror})") from None
    if as_json:
        payload = {
            "producer": producer_id,
            "code": invite.code,
            "expires_at": invite.expires_at.isoformat(),
            "telegram_link": link,
        }
        return json.dumps(payload)
    text = (
        f"Invite code for {producer_id}: {invite.code}\n"
        f'Valid once, until {_when(invite.expires_at)}. The producer sends "/link {invite.code}" '
        "to the bot from the chat that should receive orders."
    )
    if link is not None:
        text += f"\nOn Telegram, one tap: {link}"
    if qr_path is not None:
        text += f"\nQR code of that link: {qr_path}"
    return text


async def producers_list(sessions: Sessions, as_json: bool = False) -> str:
    """Lists producers with their linked chats and open orders."""
    async with sessions() as session:
        roster = await OrderService(session).producers()
    if as_json:
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "inboxes": [i.address for i in p.inboxes],
                "open_orders": p.open_orders,
            }
            for p in roster
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    lines = [f"{'PRODUCER':<36} {'OPEN':>4}  LINKED CHATS"]
    for p in roster:
        chats = ", ".join(i.address for i in p.inboxes) or "- (orders go to the operator)"
        lines.append(f"{p.id:<36} {p.open_orders:>4}  {chats}")
    return "\n".join(lines)
