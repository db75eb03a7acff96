"""Bank-notification payloads of Vietnamese transfer-notification services -> Transfer.

SePay (https://developer.sepay.vn/en/sepay-webhooks/tich-hop-webhook): one JSON object per
transaction, ``{"id": 92704, "gateway": "Vietcombank", "transactionDate": "...",
"accountNumber": "0123499999", "code": null, "content": "...", "transferType": "in",
"transferAmount": 2277000, "accumulated": ..., "subAccount": null, "referenceCode": "..."}``,
sent with ``Authorization: Apikey <key>``.

Casso (webhook v1/v2): ``{"error": 0, "data": [{"id", "tid", "description", "amount",
"when", "bank_sub_acc_id", ...}]}`` or ``"data": {... "reference", "accountNumber" ...}``;
outgoing money has a negative amount. A small adapter onto the same Transfer.
"""

from __future__ import annotations

from typing import Any

from catalog.payments.dto import Transfer

MAX_AMOUNT = 10**12


class BadNotification(ValueError):
    """The body is not a notification of this provider's documented shape."""


def _amount(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise BadNotification("amount must be a whole number")
    if abs(int(value)) > MAX_AMOUNT:
        raise BadNotification("amount out of range")
    return int(value)


def _text(value: Any, name: str, limit: int = 2000) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise BadNotification(f"{name} must be a string")
    return str(value)[:limit]


def parse_sepay(body: Any) -> Transfer:
    """One SePay webhook body as a Transfer; raises BadNotification."""
    if not isinstance(body, dict) or "id" not in body or "transferAmount" not in body:
        raise BadNotification("not a SePay transaction")
    kind = body.get("transferType")
    if kind not in ("in", "out"):
        raise BadNotification("transferType must be 'in' or 'out'")
    txn = _text(body["id"], "id", 64)
    if not txn:
        raise BadNotification("id is empty")
    return Transfer(
        provider="sepay",
        txn_id=txn,
        amount_vnd=_amount(body["transferAmount"]),
        content=_text(body.get("content"), "content"),
        account_number=_text(body.get("accountNumber"), "accountNumber", 32) or None,
        incoming=kind == "in",
    )


def parse_casso(body: Any) -> list[Transfer]:
    """A Casso webhook body (one or a list of transactions); raises BadNotification."""
    if not isinstance(body, dict) or body.get("error", 0) != 0 or "data" not in body:
        raise BadNotification("not a Casso notification")
    items = body["data"] if isinstance(body["data"], list) else [body["data"]]
    transfers = []
    for item in items:
        if not isinstance(item, dict) or "amount" not in item:
            raise BadNotification("a Casso transaction needs an amount")
        txn = _text(item.get("tid") or item.get("reference") or item.get("id"), "tid", 64)
        if not txn:
            raise BadNotification("a Casso transaction needs an id")
        amount = _amount(item["amount"])
        account = item.get("bank_sub_acc_id") or item.get("accountNumber")
        transfers.append(
            Transfer(
                provider="casso",
                txn_id=txn,
                amount_vnd=abs(amount),
                content=_text(item.get("description"), "description"),
                account_number=_text(account, "account", 32) or None,
                incoming=amount > 0,
            )
        )
    return transfers
