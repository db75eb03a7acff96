"""Composition root and CLI: `python -m bot [serve|chat|db|producers|orders|operators|payments]`"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot import admin_cli, app, payments_cli
from bot.admin_cli import STATUSES
from bot.app import AdminCall
from bot.config import ConfigError, Settings, load_settings
from bot.runtime import StartupProblem


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
    invite.add_argument("--qr", type=Path, help="write a QR code PNG of the t.me invite link")
    listing = producer_commands.add_parser("list", help="who is linked where")
    listing.add_argument("--json", action="store_true")

    operators = commands.add_parser("operators", help="console accounts at /admin")
    operator_commands = operators.add_subparsers(dest="operators_command", required=True)
    add = operator_commands.add_parser("add", help="create an account (password asked or stdin)")
    add.add_argument("email")
    add.add_argument("--role", choices=("admin", "staff"), default="staff")
    operator_commands.add_parser("list", help="every account")
    disable = operator_commands.add_parser("disable", help="stop an account signing in")
    disable.add_argument("email")

    orders = commands.add_parser("orders", help="watch orders")
    order_commands = orders.add_subparsers(dest="orders_command", required=True)
    order_list = order_commands.add_parser("list", help="orders, newest first")
    order_list.add_argument("--status", choices=STATUSES)
    order_list.add_argument("--json", action="store_true")
    order_list.add_argument("--payment", choices=("unpaid", "paid", "mismatch"))
    order_list.add_argument("--limit", type=int, default=admin_cli.PAGE, help="orders per page")
    order_list.add_argument("--offset", type=int, default=0, help="skip the newest N")
    order_show = order_commands.add_parser("show", help="one order with its history")
    order_show.add_argument("order_id")
    add_payment_commands(commands)
    return parser


def add_payment_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`payments bank|price|notifications`: the operator's side of issue 16."""
    payments = commands.add_parser("payments", help="producers' prices, bank accounts, transfers")
    sub = payments.add_subparsers(dest="payments_command", required=True)
    bank = sub.add_parser("bank", help="set a producer's bank account")
    bank.add_argument("producer_id")
    bank.add_argument("bank", help="short name (VCB, BIDV, ICB, MB...) or NAPAS BIN")
    bank.add_argument("number")
    bank.add_argument("holder", nargs="+", help="as the bank prints it: NGUYEN VAN A")
    price = sub.add_parser("price", help="set a product's seller price")
    price.add_argument("product_id")
    price.add_argument("amount", help="VND: 120000, 120.000 or 120k")
    price.add_argument("unit", nargs="*", help="e.g. chai 500ml")
    prices = sub.add_parser("prices", help="import sellers' prices from a CSV, all or none")
    prices.add_argument("file", type=Path, help="columns product_id, amount_vnd, unit")
    prices.add_argument("--dry-run", action="store_true")
    notes = sub.add_parser("notifications", help="bank notifications that matched no order")
    notes.add_argument("--all", action="store_true", help="matched ones too")
    notes.add_argument("--json", action="store_true")


def admin_call(
    args: argparse.Namespace, username: str | None = None, operator: str | None = None
) -> AdminCall:
    """Picks the operator command the arguments ask for (`username`: the Telegram bot's)."""
    if args.command == "operators":
        return operators_call(args)
    if args.command == "producers" and args.producers_command == "invite":
        return lambda s: admin_cli.producers_invite(
            s, args.producer_id, as_json=args.json, bot_username=username, qr_path=args.qr
        )
    if args.command == "producers":
        return lambda s: admin_cli.producers_list(s, as_json=args.json)
    if args.command == "payments":
        return payments_call(args)
    if args.orders_command == "list":
        return lambda s: admin_cli.orders_list(
            s,
            status=args.status,
            as_json=args.json,
            limit=args.limit,
            offset=args.offset,
            operator=operator,
            payment=args.payment,
        )
    return lambda s: admin_cli.orders_show(s, args.order_id)


def payments_call(args: argparse.Namespace) -> AdminCall:
    if args.payments_command == "bank":
        holder = " ".join(args.holder)
        return lambda s: payments_cli.set_bank(s, args.producer_id, args.bank, args.number, holder)
    if args.payments_command == "price":
        unit = " ".join(args.unit) or None
        return lambda s: payments_cli.set_price(s, args.product_id, args.amount, unit)
    if args.payments_command == "prices":
        return lambda s: payments_cli.import_prices(s, args.file, dry_run=args.dry_run)
    return lambda s: payments_cli.notifications(s, unmatched=not args.all, as_json=args.json)


def operators_call(args: argparse.Namespace) -> AdminCall:
    """The console-account commands (the password is read before the database opens)."""
    from bot.admin import cli

    if args.operators_command == "add":
        password = cli.read_password()
        return lambda s: cli.operators_add(s, args.email, args.role, password)
    if args.operators_command == "disable":
        return lambda s: cli.operators_disable(s, args.email)
    return cli.operators_list


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
    if args.command in ("producers", "orders", "operators", "payments"):
        try:
            call = admin_call(args, settings.telegram.bot_username, settings.orders.operator)
        except admin_cli.AdminError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        return await app.admin(settings, call)
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
    except StartupProblem as exc:  # an unreachable Redis too (bot.runtime.shared_redis)
        logging.getLogger(__name__).error("cannot start: %s", exc)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
