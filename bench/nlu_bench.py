"""NLU benchmark: cold start, parse latency (p50/p99) and peak memory; prints the numbers.

Usage: .venv/bin/python bench/nlu_bench.py [--rounds 5] [--catalog PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nlu.cli import default_catalog  # noqa: E402
from nlu.data import load_training_data  # noqa: E402
from nlu.evaluate import evaluate, load_heldout  # noqa: E402
from nlu.interpreter import DEFAULT_TRAINING_FILE, Interpreter  # noqa: E402
from nlu.lexicon import load_lexicon  # noqa: E402

HELDOUT = REPO / "tests" / "nlu" / "heldout.yml"
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


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cold_start(catalog: Path, model_dir: Path, runs: int = 5) -> dict[str, float]:
    """Starts fresh processes that load the cached model and parse one message."""
    loads, firsts, walls, peaks = [], [], [], []
    code = COLD_START.format(catalog=str(catalog), model_dir=str(model_dir))
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
        "first_parse_ms_median": statistics.median(firsts) * 1000,
        "process_wall_s_median": statistics.median(walls),
        "serving_process_peak_rss_mb": statistics.median(peaks) / 2**20,
    }


def latency(interpreter: Interpreter, texts: list[str], rounds: int) -> dict[str, float]:
    """Parses every text ``rounds`` times in-process."""
    timings, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            began, began_cpu = time.perf_counter(), time.thread_time()
            interpreter.parse(text)
            timings.append(time.perf_counter() - began)
            cpu.append(time.thread_time() - began_cpu)
    return {
        "messages": len(timings),
        "p50_ms": _percentile(timings, 0.50) * 1000,
        "p99_ms": _percentile(timings, 0.99) * 1000,
        "max_ms": max(timings) * 1000,
        "cpu_p99_ms": _percentile(cpu, 0.99) * 1000,
        "per_second": len(timings) / sum(timings),
    }


def main() -> int:
    """Runs the benchmark and prints a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--catalog", type=Path, default=default_catalog())
    args = parser.parse_args()
    import psutil

    process = psutil.Process()
    baseline = process.memory_info().rss
    lexicon = load_lexicon(args.catalog)
    with tempfile.TemporaryDirectory() as model_dir:
        began = time.perf_counter()
        interpreter = Interpreter.load(lexicon, Path(model_dir))
        training_s = time.perf_counter() - began
        starts = cold_start(args.catalog, Path(model_dir))
    texts = [example.text for example in load_training_data(DEFAULT_TRAINING_FILE).examples]
    texts += [message["text"] for message in load_heldout(HELDOUT)]
    texts += ["trà hoa vàng " * 300]  # a long message near the size limit
    timing = latency(interpreter, texts, args.rounds)
    report = evaluate(interpreter.parse, load_heldout(HELDOUT))
    peak = getattr(process.memory_info(), "peak_wset", None) or _max_rss()
    print(json.dumps({
        "training_s": round(training_s, 2),
        "cold_start": {key: round(value, 3) for key, value in starts.items()},
        "latency": {key: round(value, 3) for key, value in timing.items()},
        "memory_mb": {
            "rss_before_nlu": round(baseline / 2**20, 1),
            "rss_after": round(process.memory_info().rss / 2**20, 1),
            "peak_rss": round(peak / 2**20, 1),
        },
        "heldout": {
            "intent_accuracy": report["intent_accuracy"],
            "product_accuracy": report["product_accuracy"],
            "subsets": {name: s["accuracy"] for name, s in report["subsets"].items()},
        },
    }, indent=2))  # fmt: skip
    return 0


def _max_rss() -> int:
    """Peak resident set size of this process in bytes (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


if __name__ == "__main__":
    sys.exit(main())
