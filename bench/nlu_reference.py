"""Proves that an NLU change kept every result: saves every parse, later diffs against it.

Parses every training example, every held-out message and a few edge cases with a freshly
trained model, and writes one JSON line per message: the parse as the bot sees it and the
classifier's unrounded ranking. ``check`` parses again and reports every message whose parse
differs or whose unrounded confidences moved by more than ``--tolerance``.
Usage: .venv/bin/python bench/nlu_reference.py save|check FILE [--lexicon facts|bench]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nlu.data import load_training_data  # noqa: E402
from nlu.evaluate import load_heldout  # noqa: E402
from nlu.interpreter import DEFAULT_TRAINING_FILE, Interpreter  # noqa: E402
from nlu.lexicon import CatalogLexicon, load_lexicon  # noqa: E402
from nlu.pipeline import analyse  # noqa: E402
from tests.facts import FACTS  # noqa: E402
from tests.nlu.longmsg.catalog import gazetteer  # noqa: E402

HELDOUT = REPO / "tests" / "nlu"
EDGE_CASES = ["", "   ", "😀😀", "?!", "trà hoa vàng " * 300, "x" * 5000, "ok", "k", "2",
              "TRÀ HOA VÀNG BAO NHIÊU", "你好", "你好, 谢谢", "Здравствуйте, сколько стоит",
              "cho mình 2 chai nước mắm Cái Rồng, giao về 0912345678"]  # fmt: skip


def messages() -> list[str]:
    """Every text the check covers, in a fixed order."""
    texts = [example.text for example in load_training_data(DEFAULT_TRAINING_FILE).examples]
    for path in sorted(HELDOUT.glob("heldout*.yml")):
        texts += [str(message["text"]) for message in load_heldout(path)]
    return texts + EDGE_CASES


def _lexicon(name: str) -> CatalogLexicon:
    """The tests' lexicon (with producers) or the bench's (without)."""
    return load_lexicon(FACTS) if name == "facts" else CatalogLexicon.from_dicts(**gazetteer())


def records(interpreter: Interpreter, texts: list[str]) -> list[dict[str, Any]]:
    """The parse and the unrounded ranking of every text."""
    rows = []
    for text in texts:
        analysis = analyse(interpreter._extractor, text) if len(text) <= 4096 else None
        raw = (interpreter._classifier.rank(analysis.features)
               if analysis is not None and analysis.has_words else [])  # fmt: skip
        rows.append({"parse": interpreter.parse(text), "raw": raw})
    return rows


def differences(saved: list[dict[str, Any]], now: list[dict[str, Any]],
                tolerance: float) -> list[str]:  # fmt: skip
    """Describes every message whose results differ."""
    if len(saved) != len(now):
        return [f"{len(saved)} saved messages, {len(now)} parsed now"]
    found = []
    for number, (old, new) in enumerate(zip(saved, now, strict=True)):
        names_old = [name for name, _ in old["raw"]]
        names_new = [name for name, _ in new["raw"]]
        drift = max((abs(a[1] - b[1]) for a, b in zip(old["raw"], new["raw"], strict=True)),
                    default=0.0)  # fmt: skip
        if old["parse"] != new["parse"] or names_old != names_new or drift > tolerance:
            found.append(f"#{number} {old['parse']['text'][:80]!r}: drift {drift:.3g}\n"
                         f"  saved {old['parse']}\n  now   {new['parse']}")  # fmt: skip
    return found


def main() -> int:
    """Saves or checks the reference."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["save", "check"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--lexicon", choices=["facts", "bench"], default="facts")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    texts = messages()
    with tempfile.TemporaryDirectory() as model_dir:
        interpreter = Interpreter.load(_lexicon(args.lexicon), Path(model_dir))
    began = time.process_time()
    now = records(interpreter, texts)
    print(f"{len(texts)} messages parsed in {time.process_time() - began:.2f} s of CPU")
    # The same parse again must give the same result (caches must not leak state).
    if records(interpreter, texts) != now:
        print("a second parse of the same messages differs")
        return 1
    if args.command == "save":
        with gzip.open(args.file, "wt", encoding="utf-8") as stream:
            stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in now)
        print(f"saved to {args.file}")
        return 0
    with gzip.open(args.file, "rt", encoding="utf-8") as stream:
        saved = [json.loads(line) for line in stream]
    now = json.loads(json.dumps(now, ensure_ascii=False))  # tuples as lists, like the file
    found = differences(saved, now, args.tolerance)
    print("\n".join(found[:20]))
    print(f"{len(found)} of {len(texts)} messages differ (tolerance {args.tolerance:g})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
