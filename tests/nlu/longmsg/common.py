"""Helpers of the long held-out set: fragments, product picks, typos, rows."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from tests.nlu.longmsg.catalog import fold, gazetteer, products_named, specific_mentions

# The hand-written fragments (stories, requests by intent, look-alikes, off-topic lines).
_F = yaml.safe_load((Path(__file__).with_name("fragments.yml")).read_text(encoding="utf-8"))

STORY = _F["story"]
TAIL = _F["tail"]

INFO = _F["info"]
PRICE = _F["price"]
SEARCH = _F["search"]
SHOP = _F["shop"]
TOUR = _F["tour"]
ORDER = _F["order"]
STATUS = _F["status"]
CANCEL = _F["cancel"]
HANDOFF = _F["handoff"]
QTY = _F["qty"]

ATTR = _F["attr"]
WINE_ATTR = _F["wine_attr"]
COMPARE = _F["compare"]

DELIVERY = _F["delivery"]
ORDER_HEAD = _F["order_head"]


def _pick_product(rng: random.Random, english: bool = False) -> tuple[str, list[str]]:
    rows = gazetteer()["products"]
    while True:
        row = rng.choice(rows)
        if english:
            name = row.get("name_en") or ""
            if "(" in name or not name:
                continue
            return name, list(products_named(name))
        mentions = specific_mentions(row)
        if mentions:
            mention = rng.choice(mentions)
            if rng.random() < 0.5:
                mention = mention[0].lower() + mention[1:]
            return mention, list(products_named(mention))


PER_UNIT = _F["per_unit"]


def _item(text: str, style: str, intent: str, **entities: Any) -> dict[str, Any]:
    if entities.get("quantity") is None:
        for phrase, unit in PER_UNIT.items():
            if phrase in text.lower():
                entities.update(quantity=1, unit=unit)
                break
    clean = {key: value for key, value in entities.items() if value not in (None, [], "")}
    row: dict[str, Any] = {"text": " ".join(text.split()), "subset": style, "intent": intent}
    if clean:
        row["entities"] = clean
    return row


def _sentence(story: str, request: str, tail: str) -> str:
    text = f"{story} {request}{tail}".strip()
    return text[0].upper() + text[1:] if text else text


REGIONAL = _F["regional"]
DROP = _F["drop"]


def _typo(rng: random.Random, mention: str) -> str:
    """One or two realistic slips: a lost tone, a dropped or doubled letter, a swap."""
    words = mention.split()
    candidates = [i for i, w in enumerate(words) if len(fold(w)) >= 4]
    if not candidates:
        return "".join(DROP.get(c, c) for c in mention)
    at = rng.choice(candidates)
    word = words[at]
    kind = rng.choice(["drop", "double", "swap", "tone"])
    if kind == "drop":
        cut = rng.randrange(1, len(word))
        word = word[:cut] + word[cut + 1 :]
    elif kind == "double":
        word = word + word[-1]
    elif kind == "swap":
        cut = rng.randrange(1, len(word) - 1)
        word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
    else:
        word = "".join(DROP.get(c, c) for c in word)
    words[at] = word
    return " ".join(words)


def _plain(text: str) -> str:
    """The message typed without any diacritics."""
    out = []
    for char in text:
        if char.lower() == "đ":
            out.append("d" if char == "đ" else "D")
            continue
        import unicodedata

        decomposed = unicodedata.normalize("NFD", char)
        out.append(decomposed[0])
    return "".join(out)
