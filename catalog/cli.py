"""``python -m catalog import|export``: the operator's way in and out of the catalog."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from catalog.db import make_engine, make_session_factory, seed_if_empty, upgrade
from catalog.dburl import resolve_url
from catalog.io.export import FORMATS, export_sections, render, write
from catalog.io.importer import import_into
from catalog.io.problems import MAX_SHOWN
from catalog.io.schema import SECTIONS
from catalog.services import CatalogService
from catalog.show import describe

logger = logging.getLogger(__name__)


def parser() -> argparse.ArgumentParser:
    """The command line: import, export and show sub-commands."""
    root = argparse.ArgumentParser(
        prog="python -m catalog",
        description="Import or export the OCOP catalog (yaml, json, csv, xlsx), or show an item.",
    )
    commands = root.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="upsert a yaml/json/csv/xlsx file, all or nothing")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")
    imp.add_argument("--kind", choices=SECTIONS, help="the section a CSV holds (else guessed)")
    exp = commands.add_parser("export", help="write the catalog")
    exp.add_argument("--format", choices=FORMATS, default="yaml")
    exp.add_argument("-o", "--output", type=Path, help="file (default: standard output)")
    exp.add_argument("--kind", choices=SECTIONS, default="products", help="CSV section")
    show = commands.add_parser("show", help="every field of a product, place or event")
    show.add_argument("id", help="e.g. ruou-ba-kich-ba-che, ocop-center-ha-long")
    for sub in (imp, exp, show):
        sub.add_argument("--database-url", help="default: $OCOPBOT_DATABASE__URL, config.yaml")
        sub.add_argument(
            "--no-seed", dest="seed", action="store_false", help="do not seed an empty database"
        )
    return root


async def _prepare(url: str, seed: bool) -> AsyncEngine:
    """Migrates, and (like the bot's default) loads the seed into an empty database."""
    engine = make_engine(url)
    await upgrade(engine)
    if seed and await seed_if_empty(make_session_factory(engine)):
        print("empty database: seed catalog loaded first", file=sys.stderr)
    return engine


async def run_import(url: str, path: Path, dry_run: bool, kind: str | None, seed: bool) -> int:
    engine = await _prepare(url, seed)
    try:
        result = await import_into(make_session_factory(engine), path, kind=kind, dry_run=dry_run)
    finally:
        await engine.dispose()
    if not result.ok:
        for problem in result.problems[:MAX_SHOWN]:
            print(problem, file=sys.stderr)
        if len(result.problems) > MAX_SHOWN:
            print(f"… and {len(result.problems) - MAX_SHOWN} more", file=sys.stderr)
        print(f"nothing imported: {len(result.problems)} problem(s)", file=sys.stderr)
        return 1
    for section, counts in result.counts.items():
        print(f"{section}: {counts}")
    print("dry run: nothing written" if dry_run else "imported")
    return 0


async def run_export(url: str, fmt: str, output: Path | None, kind: str, seed: bool) -> int:
    engine = await _prepare(url, seed)
    try:
        async with make_session_factory(engine)() as session:
            sections = await export_sections(session)
    finally:
        await engine.dispose()
    if output is not None:
        write(sections, fmt, output, kind)
    elif fmt == "xlsx":
        print("xlsx needs -o FILE", file=sys.stderr)
        return 2
    else:
        sys.stdout.write(render(sections, fmt, kind))
    return 0


async def run_show(url: str, item_id: str, seed: bool) -> int:
    engine = await _prepare(url, seed)
    try:
        async with make_session_factory(engine)() as session:
            text = await describe(CatalogService(session), item_id)
    finally:
        await engine.dispose()
    if text is None:
        print(f"no product, place or event has the id {item_id!r}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Runs the command line and returns the exit status."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        url = resolve_url(args.database_url)
        if args.command == "import":
            return asyncio.run(run_import(url, args.file, args.dry_run, args.kind, args.seed))
        if args.command == "show":
            return asyncio.run(run_show(url, args.id, args.seed))
        return asyncio.run(run_export(url, args.format, args.output, args.kind, args.seed))
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(
            f"database error: {exc.__class__.__name__}: {exc.args[0] if exc.args else ''}",
            file=sys.stderr,
        )
        return 1
