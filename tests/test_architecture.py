"""The dependency direction stays as the architecture document draws it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSPORTS = {"aiogram", "aiohttp", "telegram", "redis", "asyncpg", "aiosqlite", "playwright"}


def imported_roots(package: str) -> dict[str, set[str]]:
    """Maps every module file of a package to the top-level names it imports."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        roots: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                roots.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = roots
    return found


@pytest.mark.parametrize("package", ["nlu", "catalog"])
def test_nlu_and_catalog_import_nothing_from_the_project(package: str) -> None:
    offenders = {
        module: sorted(roots & {"bot", "nlu", "catalog"} - {package})
        for module, roots in imported_roots(package).items()
        if roots & {"bot", "nlu", "catalog"} - {package}
    }
    assert offenders == {}


@pytest.mark.parametrize("package", ["bot/core", "bot/handlers"])
def test_engine_and_handlers_import_no_transport_library(package: str) -> None:
    offenders = {
        module: sorted(roots & TRANSPORTS)
        for module, roots in imported_roots(package).items()
        if roots & TRANSPORTS
    }
    assert offenders == {}


def test_only_the_composition_root_wires_channels() -> None:
    """Core and handlers never reach out to a channel adapter or the CLI."""
    offenders = {}
    for package in ("bot/core", "bot/handlers"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "bot.channels" in text or "bot.__main__" in text or "from bot import app" in text:
                offenders[str(path.relative_to(ROOT))] = "imports a channel or the root"
    assert offenders == {}


def test_the_check_sees_the_packages() -> None:
    """Guards the guard: an empty scan would make the tests above pass vacuously."""
    assert imported_roots("bot")
    assert (ROOT / "nlu").is_dir() and (ROOT / "catalog").is_dir()
