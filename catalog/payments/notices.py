"""Outbox payloads about payments (rendered by bot.notify_render, translated on delivery).

A payload may carry ``"image"``: a ``data:image/png;base64,…`` URI (the VietQR code) that
channels send as a photo before the text.
"""

from __future__ import annotations

import base64
from typing import Any

from catalog.orders.notices import money
from catalog.payments.dto import BankAccountDTO
from catalog.payments.vietqr import build_payload, qr_png

Payload = dict[str, Any]


def png_data_uri(png: bytes) -> str:
    """A PNG as a data URI."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def qr_payload(
    lang: str, key: str, number: str, account: BankAccountDTO, amount_vnd: int, content: str
) -> Payload:
    """The VietQR for one order, with everything needed to type the transfer by hand."""
    qr = build_payload(account.bank_bin, account.account_number, amount_vnd, content)
    params = {
        "number": number,
        "bank": f"{account.bank_name} ({account.bank_code})",
        "account": account.account_number,
        "holder": account.holder,
        "amount": money(amount_vnd),
        "amount_digits": str(amount_vnd),
        "content": content,
    }
    return {
        "lang": lang,
        "key": key,
        "params": params,
        "buttons": [],
        "image": png_data_uri(qr_png(qr)),
    }


def simple(
    lang: str, key: str, buttons: list[dict[str, str]] | None = None, **params: Any
) -> Payload:
    """A translated notice without image."""
    return {"lang": lang, "key": key, "params": params, "buttons": buttons or []}
