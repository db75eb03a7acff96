"""Plain dataclasses out of the payment services; no ORM row leaves the package."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

PaymentState = Literal["unpaid", "paid", "mismatch"]
Outcome = Literal["matched", "wrong_amount", "unknown_code", "already_paid", "not_transfer"]


@dataclass(frozen=True, slots=True)
class SellerPriceDTO:
    """A seller's own price for one product: amount per unit, who set it and when."""

    product_id: str
    producer_id: str
    amount_vnd: int
    unit: str | None
    set_by: str
    set_at: datetime
    origin: Literal["chat", "catalog"] = "chat"  # the seller_prices table, or a catalog import


@dataclass(frozen=True, slots=True)
class BankAccountDTO:
    """A producer's account; `account_number` stays out of repr, `masked` is for display."""

    producer_id: str
    bank_bin: str
    bank_code: str
    bank_name: str
    account_number: str = field(repr=False)
    holder: str = ""

    @property
    def masked(self) -> str:
        """The account with all but the last four digits hidden: "*********4567"."""
        return mask_account(self.account_number)


def mask_account(number: str) -> str:
    """Hides all but the last four characters of an account number."""
    return "*" * max(len(number) - 4, 0) + number[-4:]


@dataclass(frozen=True, slots=True)
class PaymentDTO:
    """How one order is paid and where that stands."""

    order_id: int
    method: str
    state: PaymentState
    amount_vnd: int | None
    content: str
    qr_sent_at: datetime | None
    paid_at: datetime | None
    paid_by: str | None
    received_vnd: int | None


@dataclass(frozen=True, slots=True)
class Transfer:
    """One incoming transfer as a notification service reported it (provider-neutral)."""

    provider: str
    txn_id: str
    amount_vnd: int
    content: str
    account_number: str | None
    incoming: bool = True


@dataclass(frozen=True, slots=True)
class Reconciled:
    """What one notification did: its outcome, the order it matched, whether it was new."""

    outcome: Outcome
    order_number: str | None
    duplicate: bool = False
