"""Long, chatty, regional messages (issue 11): the numbers the issue asks for, per style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlu.data import load_training_data
from nlu.evaluate import evaluate, load_heldout
from nlu.interpreter import DEFAULT_TRAINING_FILE
from nlu.normalize import normalize

HERE = Path(__file__).parent
LONG = HERE / "heldout_long.yml"
BLIND = HERE / "heldout_long_blind.yml"
BLIND2 = HERE / "heldout_long_blind2.yml"
STYLES = {"context", "attribute", "order_delivery", "regional", "english", "numbers",
          "lookalike", "out_of_scope"}  # fmt: skip
# The bar for the held-out set; the blind set may be at most 2 points below it.
BAR = {"accuracy": 0.95, "product_accuracy": 0.95, "whole_sentence": 0.90}
SPURIOUS = 0.01


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalize(text).fold))


@pytest.fixture(scope="module")
def trained() -> set[str]:
    return {_key(example.text) for example in load_training_data(DEFAULT_TRAINING_FILE).examples}


@pytest.fixture(scope="module")
def long_report(interpreter) -> dict:
    return evaluate(interpreter.parse, load_heldout(LONG))


@pytest.mark.parametrize("path", [LONG, BLIND, BLIND2])
def test_the_long_sets_are_big_split_by_style_and_never_trained_on(path: Path, trained) -> None:
    messages = load_heldout(path)
    assert len(messages) >= (500 if path == LONG else 200)
    assert {message["subset"] for message in messages} == STYLES
    assert [m["text"] for m in messages if _key(m["text"]) in trained] == []
    assert sum(len(m["text"].split()) >= 8 for m in messages) / len(messages) >= 0.6


def _shortfalls(
    report: dict, margin: float, slack_one: bool = False
) -> dict[str, dict[str, float]]:
    """Every style (and the whole set) that misses the bar, with what it got.

    With `slack_one`, a style may also miss by one message more than the margin: the blind
    sets' styles hold 25-37 messages each, so one message moves a style by 3-4 points.
    """
    rows = {"overall": {"accuracy": report["intent_accuracy"],
                        "product_accuracy": report["product_accuracy"],
                        "whole_sentence": report["whole_sentence"],
                        "spurious_product": report["spurious_product"]},
            **report["subsets"]}  # fmt: skip
    missing: dict[str, dict[str, float]] = {}
    for name, row in rows.items():
        slack = margin + (1 / row["n"] if slack_one and name != "overall" and row.get("n") else 0)
        low = {key: row[key] for key, bar in BAR.items() if row[key] < bar - slack}
        if row["spurious_product"] > SPURIOUS + margin:
            low["spurious_product"] = row["spurious_product"]
        if low:
            missing[name] = low
    return missing


def test_the_long_held_out_set_meets_the_bar_in_every_style(long_report: dict) -> None:
    assert _shortfalls(long_report, 0.0) == {}, long_report["errors"]


@pytest.mark.parametrize("path", [BLIND, BLIND2])
def test_the_blind_sets_are_within_two_points_of_the_bar(interpreter, path: Path) -> None:
    report = evaluate(interpreter.parse, load_heldout(path))
    assert _shortfalls(report, 0.02, slack_one=True) == {}, report["errors"]


@pytest.mark.parametrize("name", ["heldout.yml", "heldout_blind.yml", "heldout_blind2.yml"])
def test_the_earlier_held_out_sets_keep_97_percent_intent(interpreter, name: str) -> None:
    report = evaluate(interpreter.parse, load_heldout(HERE / name))
    assert report["intent_accuracy"] >= 0.97, report["errors"]
