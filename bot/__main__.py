"""Composition root and CLI: `python -m bot [serve|chat|db|producers|orders] ...`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot import admin_cli, app
from bot.admin_cli import STATUSES
from bot.app import AdminCall
from bot.config import ConfigError, Settings, load_settings
from bot.runtime import StartupProblem
from bot.stores import StoreUnavailable


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="ocopbot")
    parser.add_argument("--config", type=Path, default=None, help="config file (config.yaml)")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run every enabled channel (the default)")
    commands.add_parser("chat", help="chat with the bot in this terminal")
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply all migrations (and seed an empty catalog)")

    producers = commands.add_parser("producers", help="link producers' chats")
    producer_commands = producers.add_subparsers(dest="producers_command", required=True)
    invite = producer_commands.add_parser("invite", help="print a one-time /link code")
    invite.add_argument("producer_id")
    invite.add_argument("--json", action="store_true")
    listing = producer_commands.add_parser("list", help="who is linked where")
    listing.add_argument("--json", action="store_true")

    orders = commands.add_parser("orders", help="watch orders")
    order_commands = orders.add_subparsers(dest="orders_command", required=True)
    order_list = order_commands.add_parser("list", help="orders, newest first")
    order_list.add_argument("--status", choices=STATUSES)
    order_list.add_argument("--json", action="store_true")
    order_list.add_argument("--limit", type=int, default=admin_cli.PAGE, help="orders per page")
    order_list.add_argument("--offset", type=int, default=0, help="skip the newest N")
    order_show = order_commands.add_parser("show", help="one order with its history")
    order_show.add_argument("order_id")
    return parser


def admin_call(args: argparse.Namespace) -> AdminCall:
    """Picks the operator command the arguments ask for."""
    if args.command == "producers" and args.producers_command == "invite":
        return lambda s: admin_cli.producers_invite(s, args.producer_id, as_json=args.json)
    if args.command == "producers":
        return lambda s: admin_cli.producers_list(s, as_json=args.json)
    if args.orders_command == "list":
        return lambda s: admin_cli.orders_list(
            s, status=args.status, as_json=args.json, limit=args.limit, offset=args.offset
        )
    return lambda s: admin_cli.orders_show(s, args.order_id)


def setup_logging(settings: Settings, command: str | None) -> None:
    # One-shot commands and the terminal chat print for a person: only warnings get through.
    quiet = command not in (None, "serve") and settings.logging.level != "DEBUG"
    logging.basicConfig(
        level="WARNING" if quiet else settings.logging.level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


async def run_command(args: argparse.Namespace, settings: Settings) -> int:


    if args.command == "db":
        await app.upgrade_database(settings)
        print("database is up to date")
        return 0
    if args.command in ("producers", "orders"):
        return await app.admin(settings, admin_call(args))
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
    setup_logging(settings, args.command)
    try:
        return asyncio.run(run_command(args, settings))
    except (StoreUnavailable, StartupProblem) as exc:
        logging.getLogger(__name__).error("cannot start: %s", exc)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
