"""Outbox payloads about payments (rendered by bot.notify_render, translated on delivery).

A payload may carry ``"image"``: ``{"png": <base64>, "filename": ...}`` (the VietQR code) or
``{"url": ...}``, which bot.notify_render turns into the reply's `Image` for the channels to
send (a Telegram photo, a Zalo OA upload, an inline image in the web chat).
"""

from __future__ import annotations

import base64
from typing import Any

from catalog.orders.notices import money
from catalog.payments.dto import BankAccountDTO
from catalog.payments.vietqr import build_payload, qr_png

Payload = dict[str, Any]


QR_FILENAME = "vietqr.png"


def png_image(png: bytes, filename: str = QR_FILENAME) -> dict[str, str]:
    """A PNG as an outbox payload's ``image`` (JSON: the bytes in base64)."""
    return {"png": base64.b64encode(png).decode("ascii"), "filename": filename}


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
        "image": png_image(qr_png(qr)),
    }


def simple(
    lang: str, key: str, buttons: list[dict[str, str]] | None = None, **params: Any
) -> Payload:
    """A translated notice without image."""
    return {"lang": lang, "key": key, "params": params, "buttons": buttons or []}
