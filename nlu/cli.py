"""Command line: parse messages, train the model, evaluate on a held-out file."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from nlu.data import load_training_data
from nlu.interpreter import (
    DEFAULT_TRAINING_FILE,
    Interpreter,
    build_extractor,
    model_key,
    train_classifier,
)
from nlu.lexicon import CatalogLexicon, load_lexicon

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]


def default_catalog() -> Path:
    """The seed catalog if the catalog package has one, else the shared sourced facts."""
    seed = REPO / "catalog" / "seed" / "catalog.yaml"
    return seed if seed.exists() else REPO.parent / "shared" / "ocop" / "catalog-facts.yaml"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    """Parses the command line."""
    parser = argparse.ArgumentParser(prog="python -m nlu", description=__doc__)
    parser.add_argument("--catalog", type=Path, default=None, help="catalog YAML")
    parser.add_argument("--model-dir", type=Path, default=Path("data/nlu-model"))
    parser.add_argument("--training-file", type=Path, default=DEFAULT_TRAINING_FILE)
    parser.add_argument("--threshold", type=float, default=0.45)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse TEXT, or one message per stdin line")
    parse.add_argument("text", nargs="?", default=None)
    commands.add_parser("train", help="train and cache the intent model")
    evaluate = commands.add_parser("evaluate", help="score a held-out file")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser.parse_args(argv)


def _lexicon(args: argparse.Namespace) -> CatalogLexicon:
    """Loads the lexicon from --catalog or the default catalog."""
    return load_lexicon(args.catalog or default_catalog())


def _load(args: argparse.Namespace) -> Interpreter:
    """Loads (or trains once) the interpreter."""
    return Interpreter.load(_lexicon(args), args.model_dir, threshold=args.threshold,
                            training_file=args.training_file)  # fmt: skip


def _parse(args: argparse.Namespace) -> int:
    """Prints one JSON object, or JSON Lines for stdin."""
    interpreter = _load(args)
    if args.text is not None:
        print(json.dumps(interpreter.parse(args.text), ensure_ascii=False))
        return 0
    for line in sys.stdin:
        result = interpreter.parse(line.rstrip("\r\n"))
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def _train(args: argparse.Namespace) -> int:
    """Trains and caches the model, whatever the cache holds."""
    started = time.perf_counter()
    lexicon = _lexicon(args)
    data = load_training_data(args.training_file)
    classifier = train_classifier(build_extractor(lexicon, data), data)
    path = args.model_dir / f"intent-{model_key(lexicon, data)}.pkl"
    classifier.save(path)
    print(f"trained on {len(data.examples)} examples, {len(data.intents)} intents "
          f"in {time.perf_counter() - started:.1f} s -> {path}")  # fmt: skip
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Prints the evaluation report."""
    from nlu.evaluate import evaluate_file, format_report

    report = evaluate_file(_load(args), args.file)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Runs the command line.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit status.
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for stream in (sys.stdout, sys.stdin):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = _arguments(argv)
    commands = {"parse": _parse, "train": _train, "evaluate": _evaluate}
    try:
        return commands[args.command](args)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushing at exit needs a target
        return 0
