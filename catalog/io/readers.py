"""Reads YAML, JSON, CSV and XLSX import files into raw rows per section."""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path
from typing import Any

import yaml

from catalog.io.cells import unescape_cell
from catalog.io.problems import FileError, RawRow
from catalog.io.schema import LIST_FIELDS, SECTIONS, columns

logger = logging.getLogger(__name__)

LIST_SEPARATOR = "|"


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileError(
            f"{path.name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start});"
            " save it as UTF-8 (Excel: 'CSV UTF-8')"
        ) from None


MAX_ALIASES = 20  # a catalog needs none; a few are harmless, thousands are a "YAML bomb"


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of every mapping so problems can point at it; refuses files with
    more than MAX_ALIASES aliases (``*name``), whose expansion can grow exponentially."""

    aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise _TooManyAliases(mark.line + 1)
        return super().compose_node(parent, index)


class _TooManyAliases(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _sections(name: str, document: Any, lines: bool) -> dict[str, list[RawRow]]:
    if not isinstance(document, dict):
        raise FileError(f"{name}: expected a mapping of sections ({', '.join(SECTIONS)})")
    document.pop("__line__", None)
    unknown = sorted(set(document) - set(SECTIONS))
    if unknown:
        raise FileError(f"{name}: unknown section(s) {', '.join(unknown)}")
    result: dict[str, list[RawRow]] = {}
    for section, rows in document.items():
        if rows is None:
            continue
        if not isinstance(rows, list):
            raise FileError(f"{name}: {section}: expected a list of rows")
        result[section] = []
        for index, row in enumerate(rows, start=1):
            if isinstance(row, dict):
                line = row.pop("__line__", None)
                where = f"{name}:{line}" if lines and line else f"{name}:{section}[{index}]"
                result[section].append(RawRow(where, row))
            else:
                where = f"{name}:{section}[{index}]"
                result[section].append(RawRow(where, {"__not_a_row__": row}))
    return result


def read_yaml(path: Path) -> dict[str, list[RawRow]]:
    try:
        document = yaml.load(_text(path), Loader=_LineLoader)
    except _TooManyAliases as exc:
        raise FileError(
            f"{path.name}:{exc.line}: more than {MAX_ALIASES} YAML aliases (*name); "
            "write the rows out in full"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark else path.name
        raise FileError(f"{where}: not valid YAML") from None
    return _sections(path.name, document, lines=True)


def read_json(path: Path) -> dict[str, list[RawRow]]:
    try:
        document = json.loads(_text(path))
    except json.JSONDecodeError as exc:
        raise FileError(f"{path.name}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    return _sections(path.name, document, lines=False)


def split_list(value: Any) -> Any:
    """Splits a ``a | b`` cell into a list (other values pass through)."""
    if value is None or isinstance(value, list):
        return value or []
    return [part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()]


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def table_rows(
    label: str, section: str, header: list[Any], rows: list[tuple[int, list[Any]]]
) -> list[RawRow]:
    """Turns a header and numbered cell rows into raw rows (blank rows skipped).

    A value under no header becomes the unknown column "column N", so it is reported
    rather than silently dropped.

    Raises:
        FileError: a column name appears twice.
    """
    names = [str(h).strip() if h is not None else "" for h in header]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        raise FileError(f"{label}: column {', '.join(twice)} appears more than once")
    result = []
    for number, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        data: dict[str, Any] = {}
        for index, cell in enumerate(cells):
            name = names[index] if index < len(names) else ""
            cell = unescape_cell(cell)  # an exported "'=..." is the text "=..."
            if name:
                data[name] = cell
            elif not _blank(cell):
                data[f"column {index + 1}"] = cell
        for name in LIST_FIELDS.get(section, ()):
            if name in data:
                data[name] = split_list(data[name])
        result.append(RawRow(f"{label}:{number}", data))
    return result


def detect_kind(header: list[str]) -> str:
    """Guesses which section a one-table file holds from its columns."""
    names = {h.strip() for h in header if h}
    # Most shared columns wins; products (listed first) wins a tie.
    order = (
        "products",
        "places",
        "events",
        "producers",
        "districts",
        "place_products",
        "figures",
        "online_platforms",
    )
    return max(order, key=lambda section: len(names & set(columns(section))))


def _delimiter(text: str) -> str:
    """Excel writes ';' in some locales and tabs on copy-paste: judge by the header line."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def read_csv(path: Path, kind: str | None = None) -> dict[str, list[RawRow]]:
    text = _text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    numbered: list[tuple[int, list[Any]]] = []
    try:
        start = 1
        for row in reader:
            numbered.append((start, row))  # a quoted cell may span lines: keep the first
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileError(f"{path.name}:{reader.line_num}: not valid CSV ({exc})") from None
    if not numbered:
        raise FileError(f"{path.name}: empty file")
    header = numbered[0][1]
    section = kind or detect_kind(header)
    return {section: table_rows(path.name, section, header, numbered[1:])}
