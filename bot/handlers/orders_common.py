"""What the customer and producer order handlers share: the service, refusals, order lines."""

from __future__ import annotations

import re

from bot.core.messages import Button, Reply
from bot.core.numbers import bounded_int
from bot.core.turn import Turn
from catalog.orders import OrderDTO, OrderPolicy, OrderService, Refusal
from catalog.orders.directory import Directory
from catalog.orders.notices import producer_buttons

# A public order number ("K7M3QP") or an order id ("12") typed after "đơn"/"order"/"#".
_REFERENCE = re.compile(r"(?:^|\s)(?:đơn|don|order|#)\s*#?([A-Za-z0-9]{1,12})\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b([ACDEFGHJKMNPQRTUVWXY34679]{6})\b")


def order_service(turn: Turn) -> OrderService:
    """The order service on this turn's transaction, with the engine's order settings."""
    policy = OrderPolicy(operator=turn.settings.operator, max_quantity=turn.settings.max_quantity)
    return OrderService(turn.session, policy=policy)


def address_of(turn: Turn) -> str:
    """This chat's address, as orders and inboxes record it ("telegram:123")."""
    return str(turn.msg.key)


def order_reference(text: str | None) -> str | None:
    """The order a message names: "đơn K7M3QP", "order 12", "#12", or a bare number."""
    text = text or ""
    match = _REFERENCE.search(text) or _NUMBER.search(text)
    return match.group(1) if match else None


async def find_order(turn: Turn, reference: str | None) -> OrderDTO | None:
    """Looks an order up by public number, then by id."""
    if not reference:
        return None
    service = order_service(turn)
    found = await service.get_by_number(reference)
    order_id = bounded_int(reference)
    if found is None and order_id is not None and order_id > 0:
        found = await service.get(order_id)
    return found


def refusal_reply(turn: Turn, refusal: Refusal) -> Reply:
    """Says why an action was refused, in the chat's language."""
    params = dict(refusal.params)
    if "status" in params:
        params["status"] = turn.t(f"orders.status.{params['status']}")
    return Reply(turn.t(refusal.key, **params))


def action_buttons(turn: Turn, order: OrderDTO) -> tuple[Button, ...]:
    """The producer's buttons for the order's state, bound to its current version."""
    return tuple(Button(turn.t(b["key"]), b["payload"]) for b in producer_buttons(order))


async def producer_names(turn: Turn, orders: list[OrderDTO]) -> dict[str, str]:
    return await Directory(turn.session).producer_names(o.producer_id for o in orders)


def order_items(order: OrderDTO) -> str:
    return ", ".join(f"{item.quantity} × {item.name}" for item in order.items)
