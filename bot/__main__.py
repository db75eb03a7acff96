"""Composition root and CLI: `python -m bot [serve|chat|db|producers|orders] ...`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="ocopbot")
    parser.add_argument("--config", type=Path, default=None, help="config file (config.yaml)")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run every enabled channel (the default)")
    commands.add_parser("chat", help="chat with the bot in this terminal")
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply all migrations (and seed an empty catalog)")
    return parser


def setup_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.logging.level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


async def run_command(args: argparse.Namespace, settings: Settings) -> int:
    from bot import app

    if args.command == "db":
        await app.upgrade_database(settings)
        print("database is up to date")
        return 0
    if args.command == "chat":
        return await app.chat(settings)
    return await app.serve(settings)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings)
    try:
        return asyncio.run(run_command(args, settings))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
