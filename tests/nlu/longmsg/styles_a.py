"""Held-out styles: context-wrapped requests, attribute questions, orders, regional."""

from __future__ import annotations

import random
from typing import Any

from tests.nlu.longmsg.catalog import gazetteer, products_named, specific_mentions
from tests.nlu.longmsg.common import (
    _F,
    ATTR,
    CANCEL,
    COMPARE,
    DELIVERY,
    HANDOFF,
    INFO,
    ORDER,
    ORDER_HEAD,
    PRICE,
    QTY,
    REGIONAL,
    SEARCH,
    SHOP,
    STATUS,
    STORY,
    TAIL,
    TOUR,
    WINE_ATTR,
    _item,
    _pick_product,
    _plain,
    _sentence,
    _typo,
)


def context(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """A request wrapped in a story, a reason, a recipient or politeness."""
    rows = []
    kinds = (
        ["info"] * 5
        + ["price"] * 4
        + ["search"] * 2
        + ["shop"] * 2
        + ["tour"] * 2
        + ["order"] * 3
        + ["status", "cancel", "handoff"]
    )
    while len(rows) < n:
        kind = rng.choice(kinds)
        story, tail = rng.choice(STORY), rng.choice(TAIL)
        mention, ids = _pick_product(rng)
        if kind in {"info", "price", "shop"}:
            template = rng.choice({"info": INFO, "price": PRICE, "shop": SHOP}[kind])
            intent = {"info": "product_info", "price": "product_price", "shop": "shop_search"}[
                kind
            ]
            has = "{p}" in template
            rows.append(
                _item(
                    _sentence(story, template.format(p=mention), tail),
                    "context",
                    intent,
                    product=ids if has else None,
                )
            )
        elif kind == "order":
            qty, unit, unit_id = rng.choice(QTY)
            text = rng.choice(ORDER).format(q=f"{qty} {unit}", p=mention)
            rows.append(
                _item(
                    _sentence(story, text, tail),
                    "context",
                    "order_create",
                    product=ids,
                    quantity=qty,
                    unit=unit_id,
                )
            )
        else:
            pool = {
                "search": SEARCH,
                "tour": TOUR,
                "status": STATUS,
                "cancel": CANCEL,
                "handoff": HANDOFF,
            }[kind]
            intent = {
                "search": "product_search",
                "tour": "tourism_suggest",
                "status": "order_status",
                "cancel": "order_cancel",
                "handoff": "human_handoff",
            }[kind]
            rows.append(_item(_sentence(story, rng.choice(pool), tail), "context", intent))
    return rows


def attribute(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Questions about origin, ingredients, storage, safety, taste, strength, comparisons."""
    rows = []
    rows_all = gazetteer()["products"]
    wines = [r for r in rows_all if r["category"] == "wine_liquor"]
    lead = ["", "", "cho em hỏi ", "shop ơi ", "dạ cho mình hỏi ", "ad ơi ", "chị hỏi chút, "]
    while len(rows) < n:
        roll = rng.random()
        if roll < 0.15:
            row = rng.choice(wines)
            mention = rng.choice(specific_mentions(row) or [row["name_vi"]])
            ids = list(products_named(mention))
            text = rng.choice(lead) + rng.choice(WINE_ATTR).format(p=mention)
            rows.append(_item(text + rng.choice(TAIL), "attribute", "product_info", product=ids))
        elif roll < 0.3:
            first, ids1 = _pick_product(rng)
            second, ids2 = _pick_product(rng)
            if set(ids1) & set(ids2):
                continue
            text = rng.choice(lead) + rng.choice(COMPARE).format(p=first, r=second)
            rows.append(
                _item(
                    text + rng.choice(TAIL),
                    "attribute",
                    "product_info",
                    product=sorted(set(ids1) | set(ids2)),
                )
            )
        else:
            mention, ids = _pick_product(rng)
            text = rng.choice(lead) + rng.choice(ATTR).format(p=mention)
            rows.append(_item(text + rng.choice(TAIL), "attribute", "product_info", product=ids))
    return rows


PHONE_OF = _F["phone_of"]


def orders(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Orders with recipient, phone, address and time in the same message."""
    rows = []
    while len(rows) < n:
        mention, ids = _pick_product(rng)
        qty, unit, unit_id = rng.choice(QTY)
        head = rng.choice(ORDER_HEAD).format(q=f"{qty} {unit}", p=mention)
        delivery = rng.choice(DELIVERY)
        phone = next(p for p in PHONE_OF if p in delivery)
        text = f"{head} {delivery}" if rng.random() < 0.7 else f"{delivery}, {head.rstrip(',')}"
        rows.append(
            _item(
                text[0].upper() + text[1:] + rng.choice(TAIL),
                "order_delivery",
                "order_create",
                product=ids,
                quantity=qty,
                unit=unit_id,
                phone=phone,
            )
        )
    return rows


def regional(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Southern and northern words, teencode, no diacritics, wrong tones, typos."""
    rows = []
    while len(rows) < n:
        intent, template = rng.choice(REGIONAL)
        mention, ids = _pick_product(rng)
        if rng.random() < 0.4:
            mention = _typo(rng, mention)
        qty, unit, unit_id = rng.choice(QTY)
        text = template.format(p=mention, q=f"{qty} {unit}")
        if rng.random() < 0.45:
            text = _plain(text)
        has_p, has_q = "{p}" in template, "{q}" in template
        rows.append(
            _item(
                text,
                "regional",
                intent,
                product=ids if has_p else None,
                quantity=qty if has_q else None,
                unit=unit_id if has_q else None,
            )
        )
    return rows
