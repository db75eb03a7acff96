"""Held-out styles: English, numbers in words, look-alike names, out of scope."""

from __future__ import annotations

import random
from typing import Any

from tests.nlu.longmsg.catalog import products_named
from tests.nlu.longmsg.common import (
    _F,
    TAIL,
    _item,
    _pick_product,
    _plain,
)

ENGLISH = _F["english"]
EN_QTY = _F["en_qty"]


def english(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """English and code-switched messages, English or Vietnamese product names."""
    rows = []
    while len(rows) < n:
        intent, template, *price = rng.choice(ENGLISH)
        mention, ids = _pick_product(rng, english=rng.random() < 0.6)
        if rng.random() < 0.5:
            mention = _plain(mention)
        qty, unit, unit_id = rng.choice(EN_QTY)
        has_p, has_q = "{p}" in template, "{q}" in template
        text = template.format(p=mention, q=f"{qty} {unit}")
        rows.append(
            _item(
                text,
                "english",
                intent,
                product=ids if has_p else None,
                quantity=qty if has_q else None,
                unit=unit_id if has_q else None,
                price_max=price[0] if price else None,
            )
        )
    return rows


BUDGET = _F["budget"]
AMOUNTS = _F["amounts"]
AMOUNT_ORDER = _F["amount_order"]


def numbers(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Money and amounts in words, shorthand and ranges."""
    rows = []
    lead = ["", "shop ơi ", "chào ad, ", "dạ cho em hỏi ", "mình đi công tác muốn mua quà, "]
    while len(rows) < n:
        if rng.random() < 0.45:
            text, prices = rng.choice(BUDGET)
            lead_text = rng.choice(lead) if not text.startswith("budget") else ""
            rows.append(
                _item(lead_text + text + rng.choice(TAIL), "numbers", "product_search", **prices)
            )
        else:
            words, qty, unit, unit_id = rng.choice(AMOUNTS)
            mention, ids = _pick_product(rng)
            amount = f"{words} {unit}".strip()
            text = rng.choice(AMOUNT_ORDER).format(a=amount, p=mention)
            rows.append(
                _item(
                    text + rng.choice(TAIL),
                    "numbers",
                    "order_create",
                    product=ids,
                    quantity=qty,
                    unit=unit_id,
                )
            )
    return rows


LOOKALIKE = _F["lookalike"]
LOOK_EXTRA = _F["look_extra"]
LOOK_TEMPLATES = _F["look_templates"]


def lookalike(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Names that contain or resemble other names: the specific one wins, nothing crosses."""
    rows = []
    pool = [(m, list(products_named(m))) for m in LOOKALIKE] + LOOK_EXTRA
    for mention, ids in pool:
        assert ids, mention
    while len(rows) < n:
        mention, ids = rng.choice(pool)
        intent, template = rng.choice(LOOK_TEMPLATES)
        text = template.format(p=mention)
        if rng.random() < 0.3:
            text = _plain(text)
        order = intent == "order_create"
        rows.append(
            _item(
                text + rng.choice(TAIL),
                "lookalike",
                intent,
                product=ids,
                quantity=2 if order else None,
                unit="hop" if order else None,
            )
        )
    return rows


OOS = _F["oos"]
OOS_LEAD = _F["oos_lead"]
FOREIGN = _F["foreign"]


def out_of_scope(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Off-topic requests full of province words; foods not in the catalog get no product."""
    rows = [_item(rng.choice(OOS_LEAD) + text, "out_of_scope", "out_of_scope") for text in OOS]
    rows += [_item(text, "out_of_scope", intent) for intent, text in FOREIGN]
    while len(rows) < n:
        if rng.random() < 0.7:
            text = rng.choice(OOS_LEAD) + rng.choice(OOS) + rng.choice(TAIL)
            rows.append(
                _item(_plain(text) if rng.random() < 0.3 else text, "out_of_scope", "out_of_scope")
            )
        else:
            intent, text = rng.choice(FOREIGN)
            rows.append(
                _item(
                    rng.choice(["", "dạ ", "chào shop, "]) + text + rng.choice(TAIL),
                    "out_of_scope",
                    intent,
                )
            )
    return rows
