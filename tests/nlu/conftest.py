"""NLU fixtures: one interpreter per test session, its model cached in a temporary dir."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nlu import CatalogLexicon, Interpreter
from nlu.lexicon import load_lexicon
from tests.facts import FACTS


@pytest.fixture(scope="session")
def lexicon() -> CatalogLexicon:
    """The catalog names from the sourced facts file (ids are stable)."""
    return load_lexicon(FACTS)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's trained model is cached."""
    return tmp_path_factory.mktemp("nlu-model")


@pytest.fixture(scope="session")
def interpreter(lexicon: CatalogLexicon, model_dir: Path) -> Interpreter:
    """The interpreter, trained once for the whole session."""
    return Interpreter.load(lexicon, model_dir)


@pytest.fixture(scope="session")
def parse(interpreter: Interpreter) -> Callable[[str], dict[str, Any]]:
    """Parses one message."""
    return interpreter.parse


def entities(result: dict, kind: str) -> list:
    """Values of one entity type in a parse, in text order."""
    return [item.get("value") for item in result["entities"] if item["entity"] == kind]
