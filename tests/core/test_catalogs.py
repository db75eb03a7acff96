"""Every sentence lives in the message catalogs: handlers hold keys, never sentences."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from bot.core.i18n import I18n
from bot.core.payloads import MAX_PAYLOAD_BYTES, make_payload
from catalog.enums import CATEGORIES
from tests.facts import FACTS

ROOT = Path(__file__).resolve().parents[2]
HANDLERS = sorted((ROOT / "bot" / "handlers").rglob("*.py"))
WORDS = re.compile(r"[^\W\d_]{2,}(?:\s+[^\W\d_]{2,})+")
KEY_CALLS = {"t", "button", "say"}


def _literals(tree: ast.AST) -> list[tuple[ast.Constant, ast.AST | None]]:
    """Every string constant with its parent node."""
    found = []
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            if isinstance(child, ast.Constant) and isinstance(child.value, str):
                found.append((child, parent))
    return found


def _allowed(parent: ast.AST | None, tree: ast.Module) -> bool:
    if isinstance(parent, ast.Expr):  # docstrings
        return True
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute):
        owner = parent.func.value
        if isinstance(owner, ast.Name) and owner.id == "logger":
            return True
    for node in tree.body:  # module constants of cue words, named so
        named = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id.endswith("_CUES") for t in node.targets
        )
        if named and parent in ast.walk(node.value):  # type: ignore[union-attr]
            return True
    return False


def sentences_in(source: str) -> list[str]:
    """The string literals of `source` that read like words for people."""
    tree = ast.parse(source)
    return [
        node.value
        for node, parent in _literals(tree)
        if WORDS.search(re.sub(r"\{[^}]*\}", " ", node.value)) and not _allowed(parent, tree)
    ]


def test_the_scan_finds_sentences() -> None:
    source = 'x = Reply("Xin chào các bạn")\ny = turn.t("start.greet", n="{a} · {b}")\n'
    assert sentences_in(source) == ["Xin chào các bạn"]


@pytest.mark.parametrize("path", HANDLERS, ids=lambda p: p.name)
def test_handlers_hold_no_user_sentences(path: Path) -> None:
    assert sentences_in(path.read_text(encoding="utf-8")) == []


def test_every_key_the_handlers_use_exists_in_both_languages() -> None:
    i18n = I18n.load()
    used: set[str] = set()
    for path in HANDLERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in KEY_CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and "." in node.args[0].value
            ):
                used.add(node.args[0].value)
    assert len(used) > 50
    missing = {lang: sorted(k for k in used if not i18n.has(lang, k)) for lang in ("vi", "en")}
    assert missing == {"vi": [], "en": []}


def test_payloads_for_every_catalog_id_fit_telegram() -> None:
    seed = yaml.safe_load((ROOT / "catalog" / "seed" / "catalog.yaml").read_text("utf-8"))
    ids = [row["id"] for table in ("products", "places", "districts") for row in seed[table]]
    longest = max((make_payload("p", "shops", i) for i in ids), key=len)
    assert len(longest.encode()) <= MAX_PAYLOAD_BYTES < 64


def test_payloads_for_every_event_fit_telegram() -> None:
    facts = yaml.safe_load(FACTS.read_text("utf-8"))
    districts = [d["id"] for d in facts["districts"]]
    payloads = [make_payload("ev", "one", e["id"]) for e in facts["events"]]
    payloads += [make_payload("ev", "past", d, "f", 12) for d in districts]
    assert max(len(p.encode()) for p in payloads) <= MAX_PAYLOAD_BYTES


def test_every_catalog_category_has_a_name_in_both_languages() -> None:
    i18n = I18n.load()
    missing = [
        (lang, c)
        for c in CATEGORIES
        for lang in ("vi", "en")
        if not i18n.has(lang, f"category.{c}")
    ]
    assert missing == []
