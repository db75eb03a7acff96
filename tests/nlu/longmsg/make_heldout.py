"""Writes tests/nlu/heldout_long.yml: long, natural messages split by style.

Written before any tuning and kept apart from the training corpus (its own fragments).
Run once: ``python -m tests.nlu.longmsg.make_heldout``; the YAML file is what is committed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.nlu.longmsg.catalog import fold
from tests.nlu.longmsg.styles_a import attribute, context, orders, regional
from tests.nlu.longmsg.styles_b import english, lookalike, numbers, out_of_scope

OUT = Path(__file__).resolve().parents[1] / "heldout_long.yml"


def build(seed: int = 11) -> list[dict[str, Any]]:
    """All held-out messages, unique texts, fixed seed."""
    rng = random.Random(seed)
    sizes = {
        context: 90,
        attribute: 70,
        orders: 65,
        regional: 80,
        english: 65,
        numbers: 65,
        lookalike: 65,
        out_of_scope: 70,
    }
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for make, size in sizes.items():
        made = 0
        for row in make(rng, size * 3):
            key = fold(row["text"])
            if key in seen or made >= size:
                continue
            seen.add(key)
            rows.append(row)
            made += 1
    return rows


def main() -> int:
    rows = build()
    header = (
        "# Long, natural held-out messages by style (issue 11). Written BEFORE tuning by\n"
        "# tests/nlu/longmsg/make_heldout.py from its own fragments; never used for training.\n"
        "# entities: product = every catalog id the mention names; location/category are\n"
        "# checked only where listed; other types must match exactly.\n"
    )
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} messages -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
