"""The outbox payloads about orders: Reply-like JSON dicts of i18n keys and parameters.

Payload format (rendered by bot.notify_render)::

    {"lang": "vi", "key": "orders.ping.new", "params": {...},
     "buttons": [{"key": "orders.button.accept", "payload": "o:acc:12:v1"}]}

A parameter value may itself be ``{"key": ..., "params": {...}}``; it is translated first
(delivery and payment descriptions). ``"text"`` instead of ``"key"`` is shown as is.
"""

from __future__ import annotations

from typing import Any

from catalog.orders.dto import OrderDTO
from catalog.orders.states import Role, actions_from, make_order_payload

Payload = dict[str, Any]


def money(vnd: int | None) -> str:
    """Formats VND the Vietnamese way: 150000 -> "150.000 ₫"; "" when unknown."""
    return "" if vnd is None else f"{vnd:,}".replace(",", ".") + " ₫"


def _items(order: OrderDTO) -> str:
    lines = []
    for item in order.items:
        unit = f" ({item.unit})" if item.unit else ""
        price = f" — {money(item.total_vnd)}" if item.total_vnd is not None else ""
        lines.append(f"• {item.quantity} × {item.name}{unit}{price}")
    return "\n".join(lines)


def order_params(order: OrderDTO, producer: str = "", place: str = "") -> dict[str, Any]:
    """Everything a producer or the operator needs to fulfil the order."""
    if order.delivery_kind == "delivery":
        delivery = {"key": "orders.delivery.address", "params": {"address": order.address}}
    else:
        delivery = {"key": "orders.delivery.pickup", "params": {"place": place}}
    total = order.total_vnd
    return {
        "number": order.number,
        "items": _items(order),
        "total": money(total) if total is not None else {"key": "orders.price.unknown"},
        "name": order.customer_name,
        "phone": order.phone,
        "delivery": delivery,
        "payment": {"key": f"orders.payment.{order.payment}"},
        "note": {"key": "orders.note", "params": {"note": order.note}} if order.note else "",
        "producer": producer or {"key": "orders.producer.unknown"},
    }


def producer_buttons(order: OrderDTO) -> list[dict[str, str]]:
    """The buttons for the order's current state, each bound to its current version."""
    v = order.version
    return [
        {"key": f"orders.button.{action}", "payload": make_order_payload(action, order.id, v)}
        for action in actions_from(order.status, Role.PRODUCER)
    ]


def ping(order: OrderDTO, lang: str, key: str, params: dict[str, Any]) -> Payload:
    """A message about an order to whoever fulfils it, with the current buttons."""
    return {"lang": lang, "key": key, "params": params, "buttons": producer_buttons(order)}


def customer_update(order: OrderDTO, reason: str | None, producer: str) -> Payload:
    """Tells the customer what happened to their order, in their language."""
    status = order.status
    if status == "shipped" and order.delivery_kind == "pickup":
        status = "ready"
    params = {"number": order.number, "reason": reason or "", "producer": producer}
    return {
        "lang": order.customer_language,
        "key": f"orders.customer.{status}",
        "params": params,
        "buttons": [],
    }


def cancelled_notice(order: OrderDTO, lang: str) -> Payload:
    """Tells the producer (or the operator) that the customer cancelled."""
    return {
        "lang": lang,
        "key": "orders.producer.cancelled",
        "params": {"number": order.number, "name": order.customer_name},
        "buttons": [],
    }
