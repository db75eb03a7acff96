"""NLU benchmark: accuracy on every held-out set by style, parse latency, cold start, memory.

Every speed and memory number is printed next to a reference measured in the same run
(a bare Python start, a bare Python process's memory, text normalisation alone), with the
issue's budget. Latency is given as wall time and as CPU time: on a shared, loaded machine
(see ``machine.load_average_1m``) wall time includes waiting for a core.
Usage: .venv/bin/python bench/nlu_bench.py [--rounds 3] [--catalog PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nlu.data import load_training_data  # noqa: E402
from nlu.evaluate import evaluate, load_heldout  # noqa: E402
from nlu.interpreter import DEFAULT_TRAINING_FILE, Interpreter  # noqa: E402
from nlu.lexicon import CatalogLexicon  # noqa: E402
from nlu.normalize import normalize  # noqa: E402
from tests.nlu.longmsg.catalog import facts_path, gazetteer  # noqa: E402

HELDOUT = REPO / "tests" / "nlu"
LONG_SETS = ["heldout_long.yml", "heldout_long_blind.yml", "heldout_long_blind2.yml"]
OLD_SETS = ["heldout.yml", "heldout_blind.yml", "heldout_blind2.yml"]
BUDGET = {"p99_ms": 2.0, "cold_start_s": 1.0, "serving_mb": 80.0}
COLD_START = """
import time
started = time.perf_counter()
from pathlib import Path
from nlu import Interpreter
from nlu.lexicon import load_lexicon
interpreter = Interpreter.load(load_lexicon(Path({catalog!r})), Path({model_dir!r}))
loaded = time.perf_counter()
interpreter.parse("cho mình 2 chai nước mắm Cái Rồng")
first = time.perf_counter() - loaded
status = Path("/proc/self/status").read_text()
peak_kib = int(status.split("VmHWM:")[1].split()[0])  # ru_maxrss would count the parent's
print(loaded - started, first, peak_kib * 1024)
"""
REFERENCE = """
import time
started = time.perf_counter()
import json, pathlib
status = pathlib.Path("/proc/self/status").read_text()
print(time.perf_counter() - started, 0, int(status.split("VmHWM:")[1].split()[0]) * 1024)
"""


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _processes(code: str, runs: int) -> dict[str, float]:
    """Runs ``code`` in fresh processes; medians of its load time, first parse and peak RSS."""
    loads, firsts, walls, peaks = [], [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=REPO, check=True)  # fmt: skip
        walls.append(time.perf_counter() - began)
        load, first, peak = map(float, done.stdout.split())
        loads.append(load)
        firsts.append(first)
        peaks.append(peak)
    return {
        "load_s_median": statistics.median(loads),
        "load_s_max": max(loads),
        "first_parse_ms": statistics.median(firsts) * 1000,
        "process_wall_s": statistics.median(walls),
        "peak_rss_mb": statistics.median(peaks) / 2**20,
    }


def _timings(function: Callable[[str], object], texts: list[str],
             rounds: int) -> tuple[list[float], list[float]]:  # fmt: skip
    """Wall and CPU seconds per call of ``function`` on every text, ``rounds`` times.

    The machine is shared: wall time includes waiting for a core, CPU time does not.
    """
    walls, cpus = [], []
    for _ in range(rounds):
        for text in texts:
            began, began_cpu = time.perf_counter(), time.thread_time()
            function(text)
            cpus.append(time.thread_time() - began_cpu)
            walls.append(time.perf_counter() - began)
    return walls, cpus


def _accuracy(interpreter: Interpreter) -> dict[str, dict]:
    """Every held-out set: overall and per style."""
    keys = ("accuracy", "product_accuracy", "whole_sentence", "spurious_product", "n")
    reports = {}
    for name in LONG_SETS + OLD_SETS:
        path = HELDOUT / name
        if not path.exists():
            continue
        report = evaluate(interpreter.parse, load_heldout(path))
        reports[name] = {
            "overall": {"intent": report["intent_accuracy"],
                        "product": report["product_accuracy"],
                        "whole_sentence": report["whole_sentence"],
                        "spurious_product": report["spurious_product"],
                        "n": report["messages"]},
            "styles": {style: {key: s[key] for key in keys}
                       for style, s in report["subsets"].items()},
        }  # fmt: skip
    return reports


def main() -> int:
    """Runs the benchmark and prints a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--catalog", type=Path, default=facts_path())
    args = parser.parse_args()
    lexicon = CatalogLexicon.from_dicts(**gazetteer()) if args.catalog == facts_path() else None
    if lexicon is None:
        from nlu.lexicon import load_lexicon

        lexicon = load_lexicon(args.catalog)
    with tempfile.TemporaryDirectory() as model_dir:
        began = time.perf_counter()
        interpreter = Interpreter.load(lexicon, Path(model_dir))
        training_s = time.perf_counter() - began
        cold = _processes(COLD_START.format(catalog=str(args.catalog), model_dir=model_dir), 5)
    reference = _processes(REFERENCE, 5)
    texts = [example.text for example in load_training_data(DEFAULT_TRAINING_FILE).examples]
    for name in LONG_SETS + OLD_SETS:
        if (HELDOUT / name).exists():
            texts += [message["text"] for message in load_heldout(HELDOUT / name)]
    texts += ["trà hoa vàng " * 300]  # a long message near the size limit
    parse, parse_cpu = _timings(interpreter.parse, texts, args.rounds)
    fold, fold_cpu = _timings(normalize, texts, args.rounds)
    report = {
        "catalog": {"file": str(args.catalog), "products": len(lexicon.products)},
        "training_s": round(training_s, 2),
        "machine": {"cpus": os.cpu_count(), "load_average_1m": round(os.getloadavg()[0], 2)},
        "latency_ms": {"messages": len(parse),
                       "parse_p50": round(_percentile(parse, 0.5) * 1000, 3),
                       "parse_p99": round(_percentile(parse, 0.99) * 1000, 3),
                       "parse_cpu_p99": round(_percentile(parse_cpu, 0.99) * 1000, 3),
                       "reference_normalize_p99": round(_percentile(fold, 0.99) * 1000, 3),
                       "reference_normalize_cpu_p99": round(
                           _percentile(fold_cpu, 0.99) * 1000, 3),
                       "budget_p99": BUDGET["p99_ms"]},
        "cold_start_s": {"load_median": round(cold["load_s_median"], 3),
                         "load_max": round(cold["load_s_max"], 3),
                         "first_parse_ms": round(cold["first_parse_ms"], 3),
                         "process_wall": round(cold["process_wall_s"], 3),
                         "reference_bare_python_wall": round(reference["process_wall_s"], 3),
                         "budget": BUDGET["cold_start_s"]},
        "serving_memory_mb": {"peak_rss": round(cold["peak_rss_mb"], 1),
                              "reference_bare_python_peak_rss": round(reference["peak_rss_mb"], 1),
                              "budget": BUDGET["serving_mb"]},
        "accuracy": _accuracy(interpreter),
    }  # fmt: skip
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
