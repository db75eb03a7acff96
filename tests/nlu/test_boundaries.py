"""nlu/ stands alone: it imports nothing from the bot or the catalog."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

NLU = Path(__file__).resolve().parents[2] / "nlu"
FORBIDDEN = {"bot", "catalog"}


def test_nlu_imports_nothing_from_bot_or_catalog() -> None:
    offenders = []
    for path in NLU.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_a_cached_model_starts_without_loading_scikit_learn(model_dir: Path, interpreter) -> None:
    code = (
        "import sys, pathlib\n"
        "from nlu import Interpreter\n"
        "from nlu.lexicon import load_lexicon\n"
        "from tests.nlu.conftest import FACTS\n"
        f"it = Interpreter.load(load_lexicon(FACTS), pathlib.Path({str(model_dir)!r}))\n"
        "assert it.parse('xin chào')['intent']['name'] == 'greet'\n"
        "print('sklearn' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=NLU.parent, timeout=120)  # fmt: skip
    assert done.stdout.strip() == "False", done.stderr
