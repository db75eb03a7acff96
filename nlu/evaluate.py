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
        products = ({p for p in want if p[0] == "product"}, {p for p in got if p[0] == "product"})
        if products[0] or products[1]:
            product_total += 1
            product_right += products[0] == products[1]
    subsets = {
        key: {"n": total[key], "accuracy": _ratio(right[key], total[key])}
        for key in sorted(total)
        if key != "all"
    }
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
        "entities": entities,
        "confusions": [
            {"expected": e, "got": g, "count": n} for (e, g), n in confusions.most_common()
        ],
        "errors": errors,
    }


def evaluate_file(interpreter: Any, path: Path) -> dict[str, Any]:
    """Evaluates ``interpreter.parse`` on a held-out file."""
    return evaluate(interpreter.parse, load_heldout(path))


def format_report(report: dict[str, Any]) -> str:
    """Renders a report as text."""
    lines = [f"messages: {report['messages']}",
             f"intent accuracy: {report['intent_accuracy']:.1%}"]  # fmt: skip
    for name, subset in report["subsets"].items():
        lines.append(f"  {name:14} {subset['accuracy']:.1%} (n={subset['n']})")
    lines.append(f"product accuracy: {report['product_accuracy']:.1%} "
                 f"(n={report['product_messages']})")  # fmt: skip
    lines.append("entities:            precision  recall    tp  fp  fn")
    for name, e in report["entities"].items():
        lines.append(f"  {name:16} {e['precision']:>10.1%} {e['recall']:>7.1%} "
                     f"{e['tp']:>5} {e['fp']:>3} {e['fn']:>3}")  # fmt: skip
    lines.append("confusions (expected -> got):")
    lines += [f"  {c['expected']} -> {c['got']}: {c['count']}" for c in report["confusions"]]
    lines.append("misclassified:")
    lines += [f"  [{e['expected']} -> {e['got']}] {e['text']}" for e in report["errors"]]
    return "\n".join(lines)
