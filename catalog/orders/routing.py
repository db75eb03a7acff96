"""Who fulfils an order and where its pings go: the producer's inboxes, or the operator."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from catalog.orders.directory import Directory
from catalog.orders.dto import InboxDTO, OrderDTO
from catalog.orders.notices import order_params, ping
from catalog.orders.outbox import OutboxRepository
from catalog.orders.policy import OrderPolicy

logger = logging.getLogger(__name__)
OPERATOR_LANGUAGE = "vi"


@dataclass(frozen=True, slots=True)
class Recipient:
    """A chat that answers for an order, and the language to write to it in."""

    address: str
    language: str
    is_operator: bool


async def recipients(
    directory: Directory,
    order: OrderDTO,
    policy: OrderPolicy,
    known: Mapping[str, list[InboxDTO]] | None = None,
) -> list[Recipient]:
    """The chats that answer for `order`: its producer's inboxes, else the operator.

    ``known``: the inboxes of the order's producer, already read in this transaction
    (placing an order reads them to route it); they are read here otherwise.
    """
    if not order.operator_routed and order.producer_id:
        if known is None:
            known = await directory.inboxes([order.producer_id])
        inboxes = known.get(order.producer_id, [])
        if inboxes:
            return [Recipient(i.address, i.language, False) for i in inboxes]
    if policy.operator:
        return [Recipient(policy.operator, OPERATOR_LANGUAGE, True)]
    logger.warning("order %s has nobody to answer it: set orders.operator", order.number)
    return []


async def send_pings(
    outbox: OutboxRepository,
    directory: Directory,
    order: OrderDTO,
    policy: OrderPolicy,
    now: datetime,
    kind: str,
    inboxes: Mapping[str, list[InboxDTO]] | None = None,
) -> int:
    """Queues one message of `kind` ("new" or "reminder") per recipient of `order`.

    ``inboxes``: the producer's inboxes when the caller has just read them (see recipients).

    Returns:
        How many messages were queued (an earlier one with the same dedup key is kept).
    """
    names = await directory.producer_names([order.producer_id])
    place = await directory.place_name(order.pickup_place_id)
    params = order_params(order, names.get(order.producer_id or "", ""), place)
    queued = 0
    for to in await recipients(directory, order, policy, inboxes):
        key = f"orders.ping.{'operator' if to.is_operator else 'producer'}.{kind}"
        queued += await outbox.enqueue(
            to.address,
            f"order.{kind}",
            ping(order, to.language, key, params),
            f"order:{order.id}:{kind}:{to.address}",
            now,
            order_id=order.id,
        )
    return queued
