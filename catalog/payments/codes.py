"""The transfer content that names an order ("OCOP K7M3QP"), and finding it again in what a
bank reports (banks add prefixes, drop spaces, upper-case or cut the text)."""

from __future__ import annotations

import re

from catalog.text import fold

PREFIX = "OCOP"
# Order numbers use this alphabet (catalog.orders.placement.NUMBER_ALPHABET), six long.
_CODE = re.compile(r"OCOP\s*[-_.:]?\s*([ACDEFGHJKMNPQRTUVWXY34679]{6})(?![A-Z0-9])")


def transfer_content(order_number: str) -> str:
    """What the customer types (and the QR carries) as the transfer content."""
    return f"{PREFIX} {order_number}"


def find_order_code(content: str) -> str | None:
    """The order number in a bank's transfer content, or None.

    "MBVCB.3278907687.OCOP K7M3QP.CT tu 0123..." and "ocopk7m3qp chuyen tien" both give
    "K7M3QP".
    """
    text = fold(content).upper()
    match = _CODE.search(text) or _CODE.search(text.replace(" ", ""))
    return match.group(1) if match else None
