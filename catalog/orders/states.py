"""The order state machine and the button payloads that drive it.

    pending  --accept-->  accepted --ship--> shipped --deliver--> delivered
    pending  --decline--> declined   (a reason is required)
    pending  --cancel-->  cancelled  (only the customer)

A button payload names the order and the version the person saw: ``o:acc:12:v1``. The
version grows with every change, so a replayed or stale button is refused and changes
nothing, whatever has happened to the order since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """Which side of the order a person acts for."""

    PRODUCER = "producer"  # a linked inbox of the order's producer, or the operator
    CUSTOMER = "customer"


@dataclass(frozen=True, slots=True)
class Transition:
    """One edge of the state machine and who may take it."""

    action: str
    code: str  # the short form used in payloads
    source: str
    target: str
    role: Role


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("accept", "acc", "pending", "accepted", Role.PRODUCER),
        Transition("decline", "dec", "pending", "declined", Role.PRODUCER),
        Transition("cancel", "cnl", "pending", "cancelled", Role.CUSTOMER),
        Transition("ship", "shp", "accepted", "shipped", Role.PRODUCER),
        Transition("deliver", "dlv", "shipped", "delivered", Role.PRODUCER),
    )
}
BY_CODE = {t.code: t for t in TRANSITIONS.values()}
STATUSES = ("pending", "accepted", "declined", "cancelled", "shipped", "delivered")
OPEN_STATUSES = ("pending", "accepted", "shipped")
PAYLOAD_TOPIC = "o"
_PAYLOAD = re.compile(r"^o:([a-z]{3}):(\d{1,12}):v(\d{1,6})$")


@dataclass(frozen=True, slots=True)
class OrderButton:
    """A parsed order button: the action, the order and the version it was made for."""

    action: str
    order_id: int
    version: int

    @property
    def token(self) -> str:
        """The version as written in payloads and passed to act(): "v3"."""
        return f"v{self.version}"


def make_order_payload(action: str, order_id: int, version: int) -> str:
    """Builds a button payload, e.g. ("accept", 12, 1) -> "o:acc:12:v1"."""
    return f"{PAYLOAD_TOPIC}:{TRANSITIONS[action].code}:{order_id}:v{version}"


def parse_order_payload(payload: str) -> OrderButton | None:
    """Reads an order button payload; None for anything malformed (a forged payload)."""
    match = _PAYLOAD.match(payload.strip())
    if not match or match.group(1) not in BY_CODE:
        return None
    return OrderButton(BY_CODE[match.group(1)].action, int(match.group(2)), int(match.group(3)))


def actions_from(status: str, role: Role) -> list[str]:
    """The actions a person in `role` may take on an order in `status`, in button order."""
    return [t.action for t in TRANSITIONS.values() if t.source == status and t.role == role]


def parse_token(token: str | None) -> int | None:
    """Turns "v3" (or "3") into 3; None when absent, -1 (matches nothing) when malformed."""
    if token is None:
        return None
    match = re.fullmatch(r"v?(\d{1,6})", token.strip())
    return int(match.group(1)) if match else -1
