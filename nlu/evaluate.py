"""Scores an interpreter on a held-out file: intents per subset, entities per type."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

Parse = Callable[[str], dict[str, Any]]


def load_heldout(path: Path) -> list[dict[str, Any]]:
    """Reads a held-out file: a YAML list of ``{text, subset, intent, entities}``."""
    with path.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle) or [])


def expected_pairs(entities: dict[str, Any] | None) -> set[tuple[str, Any]]:
    """Turns ``{product: [a, b], quantity: 2}`` into ``{(product, a), (product, b), …}``."""
    pairs: set[tuple[str, Any]] = set()
    for name, value in (entities or {}).items():
        values = value if isinstance(value, list) else [value]
        pairs.update((name, item) for item in values)
    return pairs


# Entity types that must match exactly for a message to count as understood; location and
# category are checked only where the held-out file lists them (context may name places).
STRICT = frozenset({"product", "quantity", "unit", "phone", "price_min", "price_max",
                    "order_id", "stars"})  # fmt: skip


def understood(want: set[tuple[str, Any]], got: set[tuple[str, Any]]) -> bool:
    """Tells whether every entity the bot acts on is right (the whole-sentence criterion)."""
    for name in STRICT | {name for name, _ in want}:
        mine = {pair for pair in got if pair[0] == name}
        theirs = {pair for pair in want if pair[0] == name}
        if (name in STRICT and mine != theirs) or (name not in STRICT and not theirs <= mine):
            return False
    return True


def _ratio(part: int, whole: int) -> float:
    """Returns part/whole, 1.0 for an empty whole."""
    return round(part / whole, 4) if whole else 1.0


def evaluate(parse: Parse, messages: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Parses every message and compares with the expectations.

    Args:
        parse: ``Interpreter.parse`` or any function with the same contract.
        messages: Held-out messages.

    Returns:
        A report: intent accuracy overall and per subset, product accuracy, entity
        precision/recall per type, confusions and the misclassified messages.
    """
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    product_total = product_right = 0
    whole: Counter[str] = Counter()
    products: dict[str, Counter[str]] = defaultdict(Counter)
    for message in messages:
        result = parse(message["text"])
        subset, expected = message["subset"], message["intent"]
        predicted = result["intent"]["name"]
        for key in ("all", subset):
            total[key] += 1
            right[key] += expected == predicted
        if expected != predicted:
            confusions[(expected, predicted)] += 1
            errors.append({"text": message["text"], "expected": expected, "got": predicted})
        want = expected_pairs(message.get("entities"))
        got = {(item["entity"], item.get("value")) for item in result["entities"]}
        for name in {name for name, _ in want | got}:
            mine = {pair for pair in got if pair[0] == name}
            theirs = {pair for pair in want if pair[0] == name}
            counts[name].update(
                tp=len(mine & theirs), fp=len(mine - theirs), fn=len(theirs - mine)
            )
        wanted = {p for p in want if p[0] == "product"}
        named = {p for p in got if p[0] == "product"}
        ok = expected == predicted and understood(want, got)
        for key in ("all", subset):
            whole[key] += ok
            if wanted or named:
                products[key].update(n=1, right=wanted == named)
            if not wanted:
                products[key].update(without=1, spurious=bool(named))
        if wanted or named:
            product_total += 1
            product_right += wanted == named
        if not ok and expected == predicted:
            errors.append({"text": message["text"], "expected": expected, "got": predicted,
                           "entities": sorted(map(str, want ^ got))})  # fmt: skip
    subsets = {key: _scores(key, total, right, whole, products) for key in sorted(total)
               if key != "all"}  # fmt: skip
    entities = {
        name: {
            "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": _ratio(c["tp"], c["tp"] + c["fn"]),
            **c,
        }
        for name, c in sorted(counts.items())
    }
    return {
        "messages": total["all"],
        "intent_accuracy": _ratio(right["all"], total["all"]),
        "subsets": subsets,
        "product_accuracy": _ratio(product_right, product_total),
        "product_messages": product_total,
        **{name: value for name, value in _scores("all", total, right, whole, products).items()
           if name in ("whole_sentence", "spurious_product")},
        "entities": entities,
        "confusions": [
            {"expected": e, "got": g, "count": n} for (e, g), n in confusions.most_common()
        ],
        "errors": errors,
    }


def _scores(key: str, total: Counter[str], right: Counter[str], whole: Counter[str],
            products: dict[str, Counter[str]]) -> dict[str, Any]:  # fmt: skip
    """Intent, product, whole-sentence and spurious-product rates of one subset."""
    counts = products[key]
    return {
        "n": total[key],
        "accuracy": _ratio(right[key], total[key]),
        "product_accuracy": _ratio(counts["right"], counts["n"]),
        "whole_sentence": _ratio(whole[key], total[key]),
        "spurious_product": round(counts["spurious"] / counts["without"], 4)
        if counts["without"] else 0.0,
    }


def evaluate_file(interpreter: Any, path: Path) -> dict[str, Any]:
    """Evaluates ``interpreter.parse`` on a held-out file."""
    return evaluate(interpreter.parse, load_heldout(path))


def format_report(report: dict[str, Any]) -> str:
    """Renders a report as text."""
    lines = [f"messages: {report['messages']}",
             f"intent accuracy: {report['intent_accuracy']:.1%}"]  # fmt: skip
    lines.append(f"whole sentence: {report['whole_sentence']:.1%}  "
                 f"spurious product: {report['spurious_product']:.1%}")  # fmt: skip
    lines.append("  subset          intent  product  whole  spurious")
    for name, s in report["subsets"].items():
        lines.append(f"  {name:14} {s['accuracy']:>7.1%} {s['product_accuracy']:>8.1%} "
                     f"{s['whole_sentence']:>6.1%} {s['spurious_product']:>8.1%} (n={s['n']})")
    lines.append(f"product accuracy: {report['product_accuracy']:.1%} "
                 f"(n={report['product_messages']})")  # fmt: skip
    lines.append("entities:            precision  recall    tp  fp  fn")
    for name, e in report["entities"].items():
        lines.append(f"  {name:16} {e['precision']:>10.1%} {e['recall']:>7.1%} "
                     f"{e['tp']:>5} {e['fp']:>3} {e['fn']:>3}")  # fmt: skip
    lines.append("confusions (expected -> got):")
    lines += [f"  {c['expected']} -> {c['got']}: {c['count']}" for c in report["confusions"]]
    lines.append("misclassified:")
    lines += [f"  [{e['expected']} -> {e['got']}] {e['text']} {e.get('entities', '')}"
              for e in report["errors"]]
    return "\n".join(lines)
