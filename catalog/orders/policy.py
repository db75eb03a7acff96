"""The knobs of order handling and the clock, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

#: Returns the current time as an aware UTC datetime; tests pass a fake one.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class OrderPolicy:
    """Settings of the order domain (bot.config's ``orders`` section, copied field by field).

    Attributes:
        operator: chat address of the OCOP centre's inbox, e.g. "telegram:123"; orders
            whose producer has no linked inbox are routed there. None: nobody is pinged
            (the order still exists and shows in ``orders list``).
        remind_after: an unanswered ping is sent again after this long.
        escalate_after: after this long the operator is told about an unanswered order.
        max_quantity: the largest quantity of one product in one order.
        invite_ttl: how long a producer invite code stays valid.
    """

    operator: str | None = None
    remind_after: timedelta = timedelta(hours=2)
    escalate_after: timedelta = timedelta(hours=6)
    max_quantity: int = 100
    invite_ttl: timedelta = timedelta(hours=24)
