"""What the order services refuse: exceptions for bad input, values for refused actions.

Every refusal carries an i18n message key and its parameters, so a handler can show it
to the person in their language without knowing the reason's details.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class OrderError(Exception):
    """A cart or contact the service cannot place; `key` and `params` explain it."""

    key = "orders.error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.params = params


class EmptyCart(OrderError):
    """The cart has no lines."""

    key = "orders.error.empty_cart"


class UnknownProducts(OrderError):
    """Some product ids are not in the catalog; `params["product_ids"]` lists them."""

    key = "orders.error.unknown_products"


class InvalidQuantity(OrderError):
    """A quantity is not a whole number between 1 and `params["max_quantity"]`."""

    key = "orders.error.quantity"


class InvalidContact(OrderError):
    """An empty name or an implausible phone; `params["field"]` says which."""

    key = "orders.error.contact"


class InvalidDelivery(OrderError):
    """Delivery without an address, or pick-up at a place that does not exist."""

    key = "orders.error.delivery"


class UnknownProducer(OrderError):
    """No producer has the given id (invites)."""

    key = "orders.error.unknown_producer"


class DuplicatePlacement(OrderError):
    """Another transaction placed the same idempotency key first; retry to read its orders."""

    key = "orders.error.duplicate"


class RefusalReason(StrEnum):
    """Why an action or an invite was refused."""

    NOT_FOUND = "not_found"
    NOT_ALLOWED = "not_allowed"
    WRONG_STATE = "wrong_state"
    STALE = "stale"
    REASON_REQUIRED = "reason_required"
    UNKNOWN_ACTION = "unknown_action"
    INVITE_UNKNOWN = "invite_unknown"
    INVITE_EXPIRED = "invite_expired"
    INVITE_USED = "invite_used"


@dataclass(frozen=True, slots=True)
class Refusal:
    """An action that was refused and changed nothing.

    Attributes:
        reason: why, as a closed vocabulary.
        params: details for the message, e.g. {"number": "K7M3QP", "status": "declined"}.
    """

    reason: RefusalReason
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The i18n key of the message to show, e.g. "orders.refused.stale"."""
        return f"orders.refused.{self.reason.value}"
