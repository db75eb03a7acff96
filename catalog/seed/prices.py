"""Turns a price quoted in a news source ("1.8–1.9 triệu đồng") into whole VND."""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _amount(token: str, millions: bool) -> int:
    if millions:
        # "1.8 triệu" / "1,8 triệu": the separator is a decimal point.
        return int(Decimal(token.replace(",", ".")) * 1_000_000)
    # "700.000 đ": dots (or commas) group thousands.
    return int(token.replace(".", "").replace(",", ""))


def parse_vnd(text: str) -> tuple[int, int | None] | None:
    """Finds the lowest and highest VND amount in a quoted price.

    Args:
        text: e.g. "1.8–1.9 triệu đồng" or "700.000 đ (loại 1); 600.000 đ (loại 2)".

    Returns:
        (min, max) with max None when only one amount is quoted, or None when the text
        holds no amount. Numbers after "loại" (grades) are not amounts.
    """
    millions = "triệu" in text.lower()
    cleaned = re.sub(r"loại\s*\d+", "", text, flags=re.IGNORECASE)
    amounts = [_amount(tok, millions) for tok in _NUMBER.findall(cleaned)]
    if not amounts:
        return None
    low, high = min(amounts), max(amounts)
    return low, (high if high != low else None)
