"""The console talks to catalog services and the outbox, never to the engine or a channel."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("bot.core.engine", "bot.handlers", "bot.channels", "bot.runtime", "bot.app")


def test_the_console_imports_no_engine_internals_or_channels() -> None:
    offenders = {}
    files = list((ROOT / "bot" / "admin").rglob("*.py"))
    assert len(files) >= 10
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad = [n for n in names if n.startswith(FORBIDDEN)]
            if bad:
                offenders[path.name] = bad
    assert offenders == {}
