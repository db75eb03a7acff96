"""Shared pieces of the payment tests: a SePay notification as the service posts it, and
reading a VietQR PNG back with zxing-cpp."""

from __future__ import annotations

import io
import itertools
from typing import Any

import zxingcpp
from PIL import Image

SEPAY_KEY = "sepay-test-key-9f2c"
_IDS = itertools.count(92704)


def sepay_body(
    content: str, amount: int, txn: int | None = None, kind: str = "in"
) -> dict[str, Any]:
    """A SePay webhook body, field for field as documented
    (https://developer.sepay.vn/en/sepay-webhooks/tich-hop-webhook)."""
    return {
        "id": txn if txn is not None else next(_IDS),
        "gateway": "Vietcombank",
        "transactionDate": "2026-12-05 14:02:37",
        "accountNumber": "0011001234567",
        "code": None,
        "content": content,
        "transferType": kind,
        "transferAmount": amount,
        "accumulated": 19077000,
        "subAccount": None,
        "referenceCode": "MBVCB.3278907687",
        "description": "",
    }


def sepay_headers(key: str = SEPAY_KEY) -> dict[str, str]:
    return {"Authorization": f"Apikey {key}", "Content-Type": "application/json"}


def decode_qr(png: bytes) -> str:
    """The text of the one QR code in a PNG, decoded by zxing-cpp."""
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(results) == 1, f"expected one QR code, found {len(results)}"
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return results[0].text
