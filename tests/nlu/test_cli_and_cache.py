"""The command line and the on-disk model cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlu import CatalogLexicon, Interpreter
from nlu import interpreter as interpreter_module
from tests.nlu.conftest import FACTS

REPO = Path(__file__).resolve().parents[2]


def run_cli(model_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Runs ``python -m nlu`` like a person would."""
    return subprocess.run(
        [sys.executable, "-m", "nlu", "--catalog", str(FACTS), "--model-dir", str(model_dir),
         *args],
        input=stdin, capture_output=True, text=True, cwd=REPO, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


def test_parse_prints_one_rasa_shaped_json_object(model_dir: Path, interpreter) -> None:
    done = run_cli(model_dir, "parse", "cho mình 2 chai nước mắm Cái Rồng")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["intent"]["name"] == "order_create"
    assert {"entity": "unit", "value": "chai", "start": 11, "end": 15} in result["entities"]


def test_parse_without_text_answers_each_stdin_line_as_json_lines(
    model_dir: Path, interpreter
) -> None:
    done = run_cli(model_dir, "parse", stdin="xin chào\n\ntra hoa vang bn tien\n😀\n")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["intent"]["name"] for line in lines] == [
        "greet", "out_of_scope", "product_price", "out_of_scope"
    ]  # fmt: skip


def test_evaluate_prints_accuracy_per_subset(model_dir: Path, interpreter) -> None:
    done = run_cli(model_dir, "evaluate", str(REPO / "tests" / "nlu" / "heldout.yml"))
    assert done.returncode == 0, done.stderr
    assert "intent accuracy" in done.stdout
    assert "no_diacritics" in done.stdout
    assert "product" in done.stdout


def test_a_second_start_loads_the_cached_model_without_training(
    lexicon: CatalogLexicon, model_dir: Path, interpreter, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_training(*_: object) -> None:
        raise AssertionError("trained again although the data did not change")

    monkeypatch.setattr(interpreter_module, "train_classifier", no_training)
    again = Interpreter.load(lexicon, model_dir)
    assert again.parse("xin chào")["intent"]["name"] == "greet"


def test_changed_training_data_trains_a_new_model(lexicon: CatalogLexicon, tmp_path: Path) -> None:
    data = tmp_path / "nlu.yml"
    data.write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - xin chào\n    - hello\n'
        "- intent: goodbye\n  examples: |\n    - tạm biệt\n    - bye\n",
        encoding="utf-8",
    )
    Interpreter.load(lexicon, tmp_path / "models", training_file=data)
    data.write_text(data.read_text(encoding="utf-8") + "    - bye bye\n", encoding="utf-8")
    Interpreter.load(lexicon, tmp_path / "models", training_file=data)
    assert len(list((tmp_path / "models").glob("intent-*.pkl"))) == 2


def test_a_corrupt_cache_file_is_rebuilt(lexicon: CatalogLexicon, tmp_path: Path) -> None:
    first = Interpreter.load(lexicon, tmp_path)
    [cached] = tmp_path.glob("intent-*.pkl")
    cached.write_bytes(b"not a model")
    again = Interpreter.load(lexicon, tmp_path)
    assert again.parse("cảm ơn")["intent"]["name"] == first.parse("cảm ơn")["intent"]["name"]


def test_the_lexicon_loads_from_the_facts_file_and_from_plain_dicts(tmp_path: Path) -> None:
    seed = tmp_path / "catalog.yaml"
    seed.write_text(
        "products:\n- {id: p1, name_vi: Trà thử, name_en: Test tea, aliases: [chè thử],"
        " category: tea, district: d1}\n"
        "districts:\n- {id: d1, name_vi: Huyện Thử, name_en: Test district}\n"
        "places:\n- {id: s1, name_vi: Bãi Thử, name_en: null, kind: tourism_site, district: d1}\n",
        encoding="utf-8",
    )
    from nlu.lexicon import load_lexicon

    lexicon = load_lexicon(seed)
    assert lexicon.products[0].aliases == ("chè thử",)
    assert lexicon.places[0].kind == "tourism_site"
    same = CatalogLexicon.from_dicts(
        products=[{"id": "p1", "name_vi": "Trà thử", "name_en": "Test tea",
                   "aliases": ["chè thử"], "category": "tea", "district": "d1"}],
        districts=[{"id": "d1", "name_vi": "Huyện Thử", "name_en": "Test district"}],
        places=[{"id": "s1", "name_vi": "Bãi Thử", "name_en": None, "kind": "tourism_site",
                 "district": "d1"}],
    )  # fmt: skip
    assert same == lexicon
    assert len(load_lexicon(FACTS).products) >= 40
