"""Problems found in an import file, each pointing at ``file:row: field``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

MAX_CHARS = 300  # of one printed problem
MAX_SHOWN = 50  # problems printed by the command line; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row (or with the whole file when field is empty)."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        if self.field:
            text = f"{self.where}: {self.field}: {self.message}"
        # A hostile file must not turn one problem into megabytes of output.
        return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


class FileError(Exception):
    """A file that cannot be read at all (wrong encoding, not YAML, unknown format)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.where, _, self.message = text.partition(": ")

    def problem(self) -> Problem:
        """The error as a problem of the whole file."""
        return Problem(self.where, "", self.message)


@dataclass(frozen=True)
class RawRow:
    """A row as read from a file, before validation."""

    where: str
    data: dict[str, Any]


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing" or (kind.endswith("_type") and error.get("input", 0) is None):
        return "required"
    if kind == "extra_forbidden":
        return "unknown column"
    if kind == "literal_error":
        return f"unknown value {error['input']!r} (expected {error['ctx']['expected']})"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not an id (lower-case letters, digits, '-', '_')"
    message = str(error["msg"]).removeprefix("Value error, ")
    if "input" in error and kind not in ("value_error", "model_type", "dict_type"):
        return f"{message} (got {error['input']!r})"
    return message


def from_validation(where: str, error: ValidationError) -> list[Problem]:
    """Turns a pydantic error into one problem per field."""
    problems = []
    for item in error.errors():
        loc = [str(p) for p in item["loc"] if not isinstance(p, int)]
        problems.append(Problem(where, ".".join(loc) or "row", _message(item)))
    return problems
