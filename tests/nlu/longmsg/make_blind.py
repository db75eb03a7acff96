"""Writes tests/nlu/heldout_long_blind.yml: the blind set, new wording, evaluated once.

Run: ``python -m tests.nlu.longmsg.make_blind``; the YAML file is what is committed.
"""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.nlu.longmsg.catalog import fold, products_named
from tests.nlu.longmsg.common import _item, _pick_product, _plain, _typo

HERE = Path(__file__).resolve().parent
# First blind set (evaluated once, then its failure classes fixed), and the second one.
SETS = {"blind": ("blind.yml", "heldout_long_blind.yml", 2026),
        "blind2": ("blind2.yml", "heldout_long_blind2.yml", 4242)}  # fmt: skip
B: dict[str, Any] = {}


def _row(rng: random.Random, style: str, entry: list, english: bool = False) -> dict[str, Any]:
    """One message from a [intent, template, extra?] entry, a product and an amount."""
    intent, template, *extra = entry
    mention, ids = _pick_product(rng, english=english and rng.random() < 0.6)
    qty, unit, unit_id = rng.choice(B["en_amounts"] if english else B["amounts"])
    if style == "regional" and rng.random() < 0.4:
        mention = _typo(rng, mention)
    text = template.format(p=mention, q=f"{qty} {unit}")
    if style == "regional" and rng.random() < 0.4:
        text = _plain(text)
    has_p, has_q = "{p}" in template, "{q}" in template
    extras = copy.deepcopy(extra[0] if extra else {})
    entities = {"product": ids if has_p else None, "quantity": qty if has_q else None,
                "unit": unit_id if has_q else None, **extras}  # fmt: skip
    if "phone" not in entities and style == "order_delivery":
        entities["phone"] = next(w for w in _digits(text) if len(w) == 10)
    return _item(text, style, intent, **entities)


def _digits(text: str) -> list[str]:
    """Phone-looking digit runs ("0983 456 123" -> "0983456123")."""
    import re

    return [re.sub(r"\D", "", m) for m in re.findall(r"0\d{2,3}(?:[ .]?\d{3}){2}", text)]


def build(seed: int = 2026) -> list[dict[str, Any]]:
    """Every blind message."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for style, repeat in (("context", 2), ("attribute", 3), ("order_delivery", 5),
                          ("regional", 3), ("english", 3)):  # fmt: skip
        for entry in B[style] * repeat:
            lead = rng.choice(B["leads"]) if style == "attribute" else ""
            row = _row(rng, style, entry, english=style == "english")
            row["text"] = (lead + row["text"] + (rng.choice(B["tails"]) if lead else "")).strip()
            rows.append(row)
    if not B["numbers_prices"]:  # second set: rows carry their own amounts and prices
        for intent, template, extra in B["numbers"]:
            for _ in range(3 if "{p}" in template else 2):
                mention, ids = _pick_product(rng)
                lead = "" if "{p}" in template else rng.choice(B["leads"])
                rows.append(
                    _item(
                        lead + template.format(p=mention),
                        "numbers",
                        intent,
                        product=ids if "{p}" in template else None,
                        **extra,
                    )
                )
    for entry, prices in zip(B["numbers"][:6], B["numbers_prices"], strict=False):
        for lead in rng.sample(B["leads"], 2):
            rows.append(_item(lead + entry[1], "numbers", entry[0], **prices))
    for intent, template in B["numbers"][6:] if B["numbers_prices"] else []:
        amount = next(a for a in B["numbers_amounts"] if a in template)
        for _ in range(3):
            mention, ids = _pick_product(rng)
            qty, unit = B["numbers_amounts"][amount]
            rows.append(_item(template.format(p=mention), "numbers", intent, product=ids,
                              quantity=qty, unit=unit))  # fmt: skip
    for mention in B["lookalike_mentions"]:
        intent, template = rng.choice(B["lookalike"])
        text = template.format(p=mention)
        order = intent == "order_create"
        rows.append(_item(_plain(text) if rng.random() < 0.3 else text, "lookalike", intent,
                          product=list(products_named(mention)), quantity=3 if order else None,
                          unit="hop" if order else None))  # fmt: skip
    rows += [_item(rng.choice(B["leads"]) + t, "out_of_scope", "out_of_scope") for t in B["oos"]]
    rows += [_item(lead + t, "out_of_scope", i, **(x[0] if x else {}))
             for i, t, *x in B["foreign"] for lead in ("", "dạ ")]  # fmt: skip
    rows += [_item(t, "out_of_scope", "out_of_scope", **p) for t, p in B["oos_priced"]]
    unique = {fold(row["text"]): row for row in rows}
    return list(unique.values())


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "blind"
    fragments, out, seed = SETS[name]
    B.update(yaml.safe_load((HERE / fragments).read_text(encoding="utf-8")))
    rows = build(seed)
    target = HERE.parent / out
    header = (f"# Blind set (issue 11): written after tuning from tests/nlu/longmsg/{fragments},\n"
              "# evaluated once. Same label rules as heldout_long.yml.\n")  # fmt: skip
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200)
    target.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} messages -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
